package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The compacted {@code outreach.watch} topic (key = conversation slug): a record puts the conversation on the watch
 * list, a tombstone (null value) takes it off.
 */
@ApplicationScoped
public class WatchPublisher {
    private final MutinyEmitter<Record<String, String>> emitter;

    public WatchPublisher(@Channel(Topics.WATCH) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                          MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged the record. */
    public Uni<Void> publish(WatchRequested watch) {
        return send(Record.of(watch.key(), JsonCodec.encode(watch)));
    }

    /** The tombstone of a conversation's watch; completes when Kafka acknowledged it. */
    public Uni<Void> withdraw(String conversationId) {
        return send(Record.of(conversationId, null));
    }

    private Uni<Void> send(Record<String, String> record) {
        return Uni.createFrom().deferred(() -> emitter.sendMessage(Message.of(record)));
    }
}
