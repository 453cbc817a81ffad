package com.scopelock.outreach.leadingest.messaging;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.model.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Publishes accepted leads to {@code outreach.lead-upserts}, keyed by telegram_id so a lead's versions stay in order. */
@ApplicationScoped
public class LeadUpsertPublisher {
    private final Emitter<String> emitter;

    public LeadUpsertPublisher(@Channel(Topics.LEAD_UPSERTS)
                               @OnOverflow(value = OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the record (acks=all), exceptionally when it refused it. */
    public CompletionStage<Void> publish(LeadUpserted event) {
        return publish(event.key(), JsonCodec.encode(event));
    }

    /** {@code json} is an encoded {@link LeadUpserted} whose key is {@code key}. */
    public CompletionStage<Void> publish(String key, String json) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<String> message = Message.of(json,
                        () -> {
                            acked.complete(null);
                            return CompletableFuture.completedFuture(null);
                        },
                        failure -> {
                            acked.completeExceptionally(failure);
                            return CompletableFuture.completedFuture(null);
                        })
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
        emitter.send(message);
        return acked;
    }
}
