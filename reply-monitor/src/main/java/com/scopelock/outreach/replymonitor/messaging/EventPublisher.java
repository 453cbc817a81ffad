package com.scopelock.outreach.replymonitor.messaging;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.replymonitor.service.KafkaConnection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The monitor's one Kafka producer (idempotent, acks=all): events as {@link JsonCodec} JSON keyed by their natural
 * key, grant tombstones, and poison records to {@code <topic>.dlq} with a {@code dead-letter-reason} header.
 */
public final class EventPublisher implements AutoCloseable {
    private final KafkaProducer<String, String> producer;

    public EventPublisher(KafkaConnection kafka, String clientId) {
        Map<String, Object> config = kafka.clientConfig();
        config.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    public CompletableFuture<Void> publish(String topic, String key, Object event) {
        return send(new ProducerRecord<>(topic, key, JsonCodec.encode(event)));
    }

    /** A tombstone (null value) on the compacted grants topic: the session is gone. */
    public CompletableFuture<Void> tombstoneGrant(String sessionSlug) {
        return send(new ProducerRecord<>(Topics.SESSION_GRANTS, sessionSlug, null));
    }

    public CompletableFuture<Void> deadLetter(String topic, String key, String value, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic + Topics.DLQ_SUFFIX, key, value);
        record.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        return send(record);
    }

    private CompletableFuture<Void> send(ProducerRecord<String, String> record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
