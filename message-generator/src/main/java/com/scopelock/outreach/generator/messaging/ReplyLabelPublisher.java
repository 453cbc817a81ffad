package com.scopelock.outreach.generator.messaging;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.ReplyLabeled;
import com.scopelock.outreach.model.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.concurrent.CompletionStage;

/** Publishes labels on {@code outreach.reply-labels}, key = conversation slug. */
@ApplicationScoped
public class ReplyLabelPublisher {
    private final Emitter<String> emitter;

    public ReplyLabelPublisher(@Channel(Topics.REPLY_LABELS) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public CompletionStage<Void> publish(ReplyLabeled label) {
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(label.key()).build();
        return GeneratedMessagePublisher.Acks.send(emitter, JsonCodec.encode(label), metadata);
    }
}
