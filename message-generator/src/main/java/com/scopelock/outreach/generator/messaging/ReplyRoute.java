package com.scopelock.outreach.generator.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.ByteBuffer;

/**
 * Where an answer goes. Compatible with SmallRye's {@code KafkaRequestReply} emitter (outreach-api may use it):
 * the {@code REPLY_CORRELATION_ID} header is copied to the answer, and {@code REPLY_TOPIC} /
 * {@code REPLY_PARTITION} (4-byte big-endian int) are honoured when present. Without them the answer goes to
 * {@code outreach.generated-messages}, partitioned by its key; the correlation id is in the payload anyway.
 */
public record ReplyRoute(String topic, int partition, Headers headers) {
    public static final String CORRELATION_HEADER = "REPLY_CORRELATION_ID";
    public static final String TOPIC_HEADER = "REPLY_TOPIC";
    public static final String PARTITION_HEADER = "REPLY_PARTITION";

    public static ReplyRoute of(Message<?> request) {
        Headers out = new RecordHeaders();
        String topic = null;
        int partition = -1;
        var metadata = request.getMetadata(IncomingKafkaRecordMetadata.class);
        if (metadata.isPresent()) {
            Headers in = metadata.get().getHeaders();
            Header correlation = in.lastHeader(CORRELATION_HEADER);
            if (correlation != null) {
                out.add(CORRELATION_HEADER, correlation.value());
            }
            Header replyTopic = in.lastHeader(TOPIC_HEADER);
            if (replyTopic != null && replyTopic.value() != null && replyTopic.value().length > 0) {
                topic = new String(replyTopic.value(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Header replyPartition = in.lastHeader(PARTITION_HEADER);
            if (replyPartition != null && replyPartition.value() != null && replyPartition.value().length == 4) {
                partition = ByteBuffer.wrap(replyPartition.value()).getInt();
            }
        }
        return new ReplyRoute(topic, partition, out);
    }
}
