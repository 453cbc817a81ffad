package com.scopelock.outreach.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCodecTest {

    @Test
    void leadUpsertRoundTripsWithSnakeCaseEnvelope() {
        ObjectNode analysis = JsonCodec.mapper().createObjectNode().put("username", "liam_x");
        LeadData lead = new LeadData(7944133972L, "Liam \"the\" \\ raider 🚀", "personal_chat", "hustler", 1, 15,
                List.of(new MatchingMessage(123, "2024-11-01", "Completed 100 retweets", "hustler")), analysis);
        LeadUpserted event = LeadUpserted.of("alice", "imp-1", lead, Instant.parse("2026-11-21T10:00:00Z"));

        String json = JsonCodec.encode(event);

        assertTrue(json.contains("\"event_id\":\""), json);
        assertTrue(json.contains("\"occurred_at\":\"2026-11-21T10:00:00Z\""), json);
        assertTrue(json.contains("\"telegram_id\":7944133972"), json);
        assertTrue(json.contains("\"text_snippet\":\"Completed 100 retweets\""), json);
        LeadUpserted back = JsonCodec.decode(json, LeadUpserted.class);
        assertEquals(event, back);
        assertEquals(16, back.lead().totalScore());
        assertEquals("7944133972", back.key());
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        String json = "{\"event_id\":\"8d2ae4e5-35d0-4f96-8d2a-e4e535d08f96\",\"type\":\"lead.upserted\",\"version\":2,"
                + "\"occurred_at\":\"2026-11-21T10:00:00Z\",\"owner\":\"bob\",\"new_field\":1,\"import_id\":\"i\","
                + "\"lead\":{\"telegram_id\":5,\"name\":\"x\",\"chat_type\":null,\"profile_type\":\"both\","
                + "\"supervisor_score\":1,\"hustler_score\":2,\"matching_messages\":[],\"analysis_data\":{}}}";
        LeadUpserted event = JsonCodec.decode(json, LeadUpserted.class);
        assertEquals(2, event.version());
        assertEquals(5L, event.lead().telegramId());
    }

    @Test
    void linksRoundTripAndAreNullWhenAnOlderProducerLeftThemOut() {
        LeadData lead = new LeadData(42L, "Ana", "group", "hustler", 0, 3, List.of(),
                JsonCodec.mapper().createObjectNode());
        LeadLinks links = new LeadLinks(
                List.of(new LeadLinks.ChatLink("telegram:777", "Solana Builders", "group", 12, List.of("alice"))),
                List.of(new LeadLinks.ReplyLink(43L, null, 4), new LeadLinks.ReplyLink(99L, "alice", 2)));
        LeadUpserted event = LeadUpserted.of("alice", "imp-2", lead, links, Instant.parse("2026-12-03T10:00:00Z"));

        String json = JsonCodec.encode(event);

        assertTrue(json.contains("\"links\":{\"chats\":[{\"key\":\"telegram:777\""), json);
        assertTrue(json.contains("\"team_members\":[\"alice\"]"), json);
        assertEquals(event, JsonCodec.decode(json, LeadUpserted.class));
        String older = json.substring(0, json.indexOf(",\"links\"")) + "}";
        assertEquals(null, JsonCodec.decode(older, LeadUpserted.class).links());
    }

    @Test
    void malformedRecordsArePoison() {
        assertThrows(JsonCodec.PoisonRecordException.class, () -> JsonCodec.decode("{not json", LeadUpserted.class));
    }

    @Test
    void compactedTopicsAreTheOnesTheDesignNames() {
        List<String> compacted = Topics.ALL.stream().filter(Topics.TopicSpec::compacted).map(Topics.TopicSpec::name).toList();
        assertEquals(List.of(Topics.WATCH, Topics.SESSION_GRANTS), compacted);
    }
}
