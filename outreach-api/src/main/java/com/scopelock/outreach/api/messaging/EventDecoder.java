package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.model.JsonCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The common shape of this service's consumers: decode the record (poison → {@code <topic>.dlq}, the stream goes
 * on), apply it, and while the graph is away retry with back-off instead of dropping it.
 */
@ApplicationScoped
public class EventDecoder {
    private static final Logger LOG = Logger.getLogger(EventDecoder.class);

    private final DeadLetterPublisher deadLetters;

    public EventDecoder(DeadLetterPublisher deadLetters) {
        this.deadLetters = deadLetters;
    }

    public <T> Optional<T> decode(String topic, String payload, Class<T> type) {
        try {
            return Optional.of(JsonCodec.decode(payload, type));
        } catch (JsonCodec.PoisonRecordException | IllegalArgumentException e) {
            deadLetters.send(topic, payload, e.getMessage());
            return Optional.empty();
        }
    }

    public <T> Uni<Void> apply(String topic, String payload, Class<T> type, Function<T, Uni<Void>> effect) {
        Optional<T> event = payload == null ? Optional.empty() : decode(topic, payload, type);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> effect.apply(event.get()))
                .onFailure().invoke(e -> LOG.warnf("applying a record of %s failed, retrying: %s", topic, e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely();
    }
}
