package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Puts a conversation on the compacted {@code outreach.watch} topic (key = conversation slug). */
@ApplicationScoped
public class WatchPublisher {
    private final MutinyEmitter<String> emitter;

    public WatchPublisher(@Channel(Topics.WATCH) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                          MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged the record. */
    public Uni<Void> publish(WatchRequested watch) {
        Message<String> message = Message.of(JsonCodec.encode(watch)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(watch.key()).build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message));
    }
}
