package com.scopelock.outreach.generator.messaging;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.MessageGenerated;
import com.scopelock.outreach.model.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Publishes answers on {@code outreach.generated-messages} (or the request's reply topic), key = contact slug. */
@ApplicationScoped
public class GeneratedMessagePublisher {
    private final Emitter<String> emitter;

    public GeneratedMessagePublisher(@Channel(Topics.GENERATED_MESSAGES) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged the record. */
    public CompletionStage<Void> publish(MessageGenerated answer, ReplyRoute route) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(answer.key())
                .withTopic(route.topic())
                .withPartition(route.partition())
                .withHeaders(route.headers())
                .build();
        return Acks.send(emitter, JsonCodec.encode(answer), metadata);
    }

    /** Sends one record and turns its ack/nack into a future. */
    static final class Acks {
        private Acks() {
        }

        static CompletionStage<Void> send(Emitter<String> emitter, String payload, Object metadata) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            try {
                emitter.send(Message.of(payload,
                        () -> {
                            done.complete(null);
                            return CompletableFuture.completedFuture(null);
                        },
                        error -> {
                            done.completeExceptionally(error);
                            return CompletableFuture.completedFuture(null);
                        }).addMetadata(metadata));
            } catch (RuntimeException e) { // e.g. the emitter's buffer is full while Kafka is unreachable
                done.completeExceptionally(e);
            }
            return done;
        }
    }
}
