package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.model.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/** Sends a record this service cannot read to {@code <topic>.dlq}, with the reason in a header. */
@ApplicationScoped
public class DeadLetterPublisher {
    static final String CHANNEL = "dead-letters";
    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final Emitter<String> emitter;

    public DeadLetterPublisher(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) Emitter<String> emitter) {
        this.emitter = emitter;
    }

    public void send(String sourceTopic, String payload, String reason) {
        LOG.warnf("poison record on %s sent to %s: %s", sourceTopic, sourceTopic + Topics.DLQ_SUFFIX, reason);
        RecordHeaders headers = new RecordHeaders();
        headers.add("dlq-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dlq-source-topic", sourceTopic.getBytes(StandardCharsets.UTF_8));
        emitter.send(Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(sourceTopic + Topics.DLQ_SUFFIX).withHeaders(headers).build()));
    }
}
