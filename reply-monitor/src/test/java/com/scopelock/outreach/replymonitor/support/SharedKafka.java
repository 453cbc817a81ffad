package com.scopelock.outreach.replymonitor.support;

import com.scopelock.outreach.testsupport.KafkaBrokerProcess;

/** One real Kafka broker for the plain (non-Quarkus) ITs of this JVM, stopped at JVM exit. */
public final class SharedKafka {
    private static KafkaBrokerProcess broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrap() {
        if (broker == null) {
            broker = KafkaBrokerProcess.start();
            KafkaBrokerProcess b = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(b::close));
        }
        return broker.bootstrapServers();
    }
}
