package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.api.graph.GraphAvailability;
import com.scopelock.outreach.model.JsonCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.function.Function;

/**
 * The common shape of this service's consumers: decode the record (poison → {@code <topic>.dlq}, the stream goes
 * on), apply it, and while the graph is away wait for it ({@link GraphAvailability}) instead of dropping it.
 */
@ApplicationScoped
public class EventDecoder {
    private final DeadLetterPublisher deadLetters;
    private final GraphAvailability graph;

    public EventDecoder(DeadLetterPublisher deadLetters, GraphAvailability graph) {
        this.deadLetters = deadLetters;
        this.graph = graph;
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
        return graph.untilWritten("applying a record of " + topic, () -> effect.apply(event.get()));
    }
}
