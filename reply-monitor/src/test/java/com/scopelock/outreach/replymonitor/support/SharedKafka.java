package com.scopelock.outreach.replymonitor.support;

import com.scopelock.outreach.testsupport.KafkaBrokerProcess;

/** One real Kafka broker for the plain (non-Quarkus) ITs of this JVM, stopped at JVM exit. */
public final class SharedKafka {
    private static KafkaBrokerProcess broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrap() {
        if (broker == null) {
            broker = startWithRetry();
            KafkaBrokerProcess b = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(b::close));
        }
        return broker.bootstrapServers();
    }

    /**
     * {@link KafkaBrokerProcess#start()} fails about once in 64 starts: its random cluster id sometimes begins with
     * '-', which kafka-storage's argument parser takes for an option ("--cluster-id/-t: expected one argument").
     * That is test-support's to fix; until then a fresh attempt gets a fresh id.
     */
    public static KafkaBrokerProcess startWithRetry() {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return KafkaBrokerProcess.start();
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }
}
