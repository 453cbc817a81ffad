package com.scopelock.outreach.replymonitor.service;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaConnectionTest {

    @Test
    void keepsTheConnectionAndSecuritySettingsOfTheApplicationsKafkaConfig() {
        KafkaConnection connection = KafkaConnection.from(Map.of(
                "bootstrap.servers", "outreach-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"reply-monitor\" password=\"s3cret\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/outreach/kafka-ca/ca.crt",
                "group.id", "someone-elses-group",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));

        Map<String, Object> client = connection.clientConfig();
        assertEquals("SASL_SSL", client.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
        assertEquals("/etc/outreach/kafka-ca/ca.crt", client.get("ssl.truststore.location"));
        assertTrue(client.containsKey("sasl.jaas.config"));
        assertFalse(client.containsKey("group.id"), "channel settings stay with the channels");
        assertFalse(client.containsKey("key.deserializer"));
    }

    @Test
    void neverShowsTheCredentials() {
        KafkaConnection connection = KafkaConnection.from(Map.of("bootstrap.servers", "k:9093",
                "sasl.jaas.config", "ScramLoginModule required password=\"s3cret\";",
                "ssl.keystore.password", "changeit"));
        assertFalse(connection.toString().contains("s3cret"), connection.toString());
        assertFalse(connection.toString().contains("changeit"), connection.toString());
        assertTrue(connection.toString().contains("k:9093"));
    }

    @Test
    void aConnectionNeedsBootstrapServers() {
        assertThrows(IllegalArgumentException.class, () -> KafkaConnection.from(Map.of("security.protocol", "SSL")));
        assertThrows(IllegalArgumentException.class, () -> KafkaConnection.to(" "));
    }

    @Test
    void clientConfigsAreIndependentCopies() {
        KafkaConnection connection = KafkaConnection.to("k:9092");
        connection.clientConfig().put("group.id", "g");
        assertFalse(connection.clientConfig().containsKey("group.id"));
    }
}
