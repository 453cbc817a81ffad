package com.scopelock.outreach.replymonitor.service;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the monitor's own Kafka clients reach the broker: the bootstrap servers plus the connection's security
 * settings (TLS, SASL) that the connector's channels get from {@code kafka.*} / {@code KAFKA_*}, so the plain
 * producer and consumers connect exactly like the channels do. Channel settings (group ids, serializers) stay out.
 */
public record KafkaConnection(Map<String, Object> properties) {
    private static final String BOOTSTRAP = "bootstrap.servers";

    public KafkaConnection {
        if (properties.get(BOOTSTRAP) == null || properties.get(BOOTSTRAP).toString().isBlank()) {
            throw new IllegalArgumentException("Kafka connection without " + BOOTSTRAP);
        }
        properties = Map.copyOf(properties);
    }

    public static KafkaConnection to(String bootstrapServers) {
        return new KafkaConnection(Map.of(BOOTSTRAP, bootstrapServers));
    }

    /** The connection part of the application's Kafka configuration ({@code default-kafka-broker}). */
    public static KafkaConnection from(Map<String, ?> kafkaConfig) {
        Map<String, Object> kept = new TreeMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (value != null && isConnectionSetting(key)) {
                kept.put(key, value);
            }
        });
        return new KafkaConnection(kept);
    }

    static boolean isConnectionSetting(String key) {
        return key.equals(BOOTSTRAP) || key.equals("security.protocol") || key.equals("client.dns.lookup")
                || key.startsWith("sasl.") || key.startsWith("ssl.");
    }

    /** A new mutable client configuration starting from this connection. */
    public Map<String, Object> clientConfig() {
        return new java.util.HashMap<>(properties);
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new TreeMap<>(properties);
        shown.replaceAll((k, v) -> k.startsWith("sasl.jaas") || k.contains("password") ? "***" : v);
        return "KafkaConnection" + shown;
    }
}
