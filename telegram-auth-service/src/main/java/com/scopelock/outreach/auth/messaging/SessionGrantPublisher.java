package com.scopelock.outreach.auth.messaging;

import com.scopelock.outreach.model.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Publishes sealed session grants to the compacted {@code telegram.session-grants}, keyed by session slug. */
@ApplicationScoped
public class SessionGrantPublisher {
    private final Emitter<String> emitter;

    public SessionGrantPublisher(@Channel(Topics.SESSION_GRANTS) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** {@code json} null publishes a tombstone (the session was disconnected). */
    public CompletionStage<Void> publish(String sessionSlug, String json) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(json, () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(sessionSlug).build()));
        return acked;
    }
}
