package com.scopelock.outreach.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts a real Kafka broker for a {@code @QuarkusTest} and points the service at it. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private static KafkaBrokerProcess broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBrokerProcess.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    public static KafkaBrokerProcess broker() {
        return broker;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
