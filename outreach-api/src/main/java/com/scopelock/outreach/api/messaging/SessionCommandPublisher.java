package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.SessionCommand;
import com.scopelock.outreach.model.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletableFuture;

/** Commands for the reply monitor that holds a session (today: disconnect), keyed by session slug. */
@ApplicationScoped
public class SessionCommandPublisher {
    private final Emitter<String> emitter;

    public SessionCommandPublisher(@Channel(Topics.SESSION_COMMANDS) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(SessionCommand command) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(Message.of(JsonCodec.encode(command), () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(command.sessionSlug()).build()));
        return Uni.createFrom().completionStage(acked);
    }
}
