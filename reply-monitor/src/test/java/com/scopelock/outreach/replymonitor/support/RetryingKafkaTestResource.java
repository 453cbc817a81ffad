package com.scopelock.outreach.replymonitor.support;

import com.scopelock.outreach.testsupport.KafkaBrokerProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** test-support's KafkaTestResource, but starting the broker through {@link SharedKafka#startWithRetry()}. */
public class RetryingKafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private static KafkaBrokerProcess broker;

    @Override
    public Map<String, String> start() {
        broker = SharedKafka.startWithRetry();
        // security.protocol as a cluster would set it (KAFKA_SECURITY_PROTOCOL): the monitor's own clients must get it
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(), "kafka.security.protocol", "PLAINTEXT");
    }

    public static String bootstrap() {
        return broker.bootstrapServers();
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
