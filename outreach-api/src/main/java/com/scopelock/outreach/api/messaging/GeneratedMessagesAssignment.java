package com.scopelock.outreach.api.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;

/**
 * Knows when this replica's answer consumer owns its partitions and has fixed its start positions. With
 * {@code auto.offset.reset=latest} an answer that arrives before the position is known would be skipped, so the
 * positions are resolved right here ({@code position()} looks up "latest" at once) and readiness waits for it.
 */
@ApplicationScoped
@Identifier(GeneratedMessagesAssignment.NAME)
public class GeneratedMessagesAssignment implements KafkaConsumerRebalanceListener {
    public static final String NAME = "outreach-api.generated-messages";

    private volatile boolean assigned;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            consumer.position(partition);
        }
        if (!partitions.isEmpty()) {
            assigned = true;
        }
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // the group has one member (this replica): partitions come back at once
    }

    public boolean assigned() {
        return assigned;
    }
}
