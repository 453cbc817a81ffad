package com.scopelock.outreach.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.model.MatchingMessage;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The sample file of the analysis (a copy of the shared 313 leads) as lead-upsert events, and a producer for them. */
public final class SampleLeads {
    private SampleLeads() {
    }

    public static List<LeadData> load() {
        try (InputStream in = SampleLeads.class.getResourceAsStream("/team_members.sample.json")) {
            JsonNode root = JsonCodec.mapper().readTree(in);
            List<LeadData> leads = new ArrayList<>();
            for (JsonNode r : root.get("team_members")) {
                List<MatchingMessage> messages = new ArrayList<>();
                r.path("matching_messages").forEach(m -> messages.add(new MatchingMessage(m.get("message_id").asLong(),
                        m.get("date").asText(), m.get("text_snippet").asText(), m.get("signal_type").asText())));
                ObjectNode analysis = ((ObjectNode) r).deepCopy();
                analysis.remove(List.of("telegram_id", "name", "chat_type", "profile_type", "supervisor_score",
                        "hustler_score", "matching_messages"));
                leads.add(new LeadData(r.get("telegram_id").asLong(), r.get("name").asText().strip(),
                        r.path("chat_type").asText(null), r.get("profile_type").asText(),
                        r.get("supervisor_score").asInt(), r.get("hustler_score").asInt(), List.copyOf(messages), analysis));
            }
            return leads;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(List<LeadData> leads, String owner, String importId) {
        send(leads.stream().map(l -> LeadUpserted.of(owner, importId, l, Instant.now()))
                .map(e -> new ProducerRecord<>(Topics.LEAD_UPSERTS, e.key(), JsonCodec.encode(e))).toList());
    }

    public static void publishEvents(List<LeadUpserted> events) {
        send(events.stream().map(e -> new ProducerRecord<>(Topics.LEAD_UPSERTS, e.key(), JsonCodec.encode(e))).toList());
    }

    public static void publishRaw(List<String> payloads) {
        send(payloads.stream().map(p -> new ProducerRecord<String, String>(Topics.LEAD_UPSERTS, p)).toList());
    }

    private static void send(List<ProducerRecord<String, String>> records) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }
}
