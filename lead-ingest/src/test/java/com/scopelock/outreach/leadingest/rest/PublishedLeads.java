package com.scopelock.outreach.leadingest.rest;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed lead-upsert records of one import on the topic, read with a fresh consumer group. */
final class PublishedLeads {
    private PublishedLeads() {
    }

    static List<LeadUpserted> of(String importId, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // as outreach-api reads them: an import's records count once its transaction is committed
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<LeadUpserted> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.LEAD_UPSERTS));
            Instant deadline = Instant.now().plusSeconds(30);
            int idlePolls = 0;
            while (Instant.now().isBefore(deadline) && (events.size() < expected || idlePolls < 3)) {
                var records = consumer.poll(Duration.ofMillis(500));
                idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    LeadUpserted event = JsonCodec.decode(record.value(), LeadUpserted.class);
                    if (importId.equals(event.importId())) {
                        assertEquals(event.key(), record.key(), "records are keyed by telegram_id");
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }
}
