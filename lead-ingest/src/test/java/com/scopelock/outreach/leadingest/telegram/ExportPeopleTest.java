package com.scopelock.outreach.leadingest.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.leadingest.service.LeadFileParser;
import com.scopelock.outreach.leadingest.service.MalformedLeadFileException;
import com.scopelock.outreach.model.LeadLinks;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExportPeopleTest {
    private static final String ACCOUNT_EXPORT = """
            {"about": "x", "personal_information": {"user_id": 1, "first_name": "Owner"},
             "contacts": {"list": []},
             "chats": {"about": "y", "list": [
              {"name": "Builders", "type": "private_supergroup", "id": 100, "messages": [
               {"id": 1, "type": "service", "actor": "Ana", "actor_id": "user2", "action": "join_group_by_link", "text": ""},
               {"id": 2, "type": "message", "date": "2024-05-01T10:00:00", "date_unixtime": "1714557600", "from": "Ana", "from_id": "user2",
                "text": ["Raid ", {"type": "bold", "text": "done ✅"}]},
               {"id": 3, "type": "message", "date": "2024-05-01T10:01:00", "date_unixtime": "1714557660", "from": "Ana", "from_id": "user2",
                "edited": "2024-05-01T10:02:00", "text": "completed the raid"},
               {"id": 4, "type": "message", "date": "2024-05-01T10:03:00", "from": "Ivan", "from_id": "user4",
                "reply_to_message_id": 2, "text": "can I earn here?"},
               {"id": 5, "type": "message", "date": "2024-05-01T10:04:00", "from": "Combot", "from_id": "user3", "text": "raid reminder"},
               {"id": 6, "type": "message", "date": "2024-05-01T10:05:00", "from": "Zoe", "from_id": "user5",
                "forwarded_from": "Someone", "text": "raid raid raid"},
               {"id": 7, "type": "message", "date": "2024-05-01T10:06:00", "from": null, "from_id": "user6", "text": "raid"},
               {"id": 8, "type": "message", "date": "2024-05-01T10:07:00", "from": "Owner", "from_id": "user1",
                "reply_to_message_id": 4, "text": "raid with us"},
               {"id": 9, "type": "message", "date": "2024-05-01T10:08:00", "from": "Bob", "from_id": "user7",
                "reply_to_message_id": 3, "text": "raid done ✅ too"},
               {"id": 10, "type": "message", "date": "2024-05-01T10:09:00", "from": "News", "from_id": "channel9", "text": "raid"}
              ]},
              {"name": "Ana", "type": "personal_chat", "id": 2, "messages": [
               {"id": 1, "type": "message", "date": "2024-05-02T10:00:00", "from": "Ana", "from_id": "user2", "text": "done ✅ 转推"}
              ]}
             ]}}""";

    private record Lead(JsonNode record, LeadLinks links) {
    }

    private static List<Lead> parse(String export) {
        LeadFileParser parser = new LeadFileParser(new Scoring(TestScoring.config(Map.of("bob", 7L))));
        List<Lead> leads = new ArrayList<>();
        LeadFileParser.Parsed parsed = parser.parse(new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)),
                "alice", new LeadFileParser.RecordHandler() {
                    public void onRecord(int index, JsonNode record) {
                        throw new AssertionError("an export's records come with links");
                    }

                    public void onRecord(int index, JsonNode record, LeadLinks links) {
                        assertEquals(leads.size(), index);
                        leads.add(new Lead(record, links));
                    }
                });
        assertEquals(LeadFileParser.Format.TELEGRAM_EXPORT, parsed.format());
        assertEquals(leads.size(), parsed.records());
        return leads;
    }

    @Test
    void scoresPeopleAndLeavesOutOwnerTeamBotsDeletedAndChannels() {
        List<Lead> leads = parse(ACCOUNT_EXPORT);

        assertEquals(List.of(2L, 4L), leads.stream().map(l -> l.record().get("telegram_id").asLong()).toList());
        JsonNode ana = leads.get(0).record();
        assertEquals("Ana", ana.get("name").asText());
        // raider: msgs 2, 3, personal 1 (转推) = 3; hustler: 2, 3, personal 1 = 3 → 3×3 + 3×2 = 15 (capped)
        assertEquals("{\"hustler\":3,\"raider\":3}", ana.get("signals").toString());
        assertEquals(15, ana.get("hustler_score").asInt());
        assertEquals(0, ana.get("supervisor_score").asInt());
        assertEquals("hustler", ana.get("profile_type").asText());
        assertEquals("group", ana.get("chat_type").asText());
        assertEquals(3, ana.get("message_count").asInt());
        assertEquals("[\"Builders\"]", ana.get("groups").toString());
        // at most 2 (test config), the latest first; the date of a message without date_unixtime is its "date"
        assertEquals("[{\"message_id\":1,\"date\":\"2024-05-02T10:00:00\",\"text_snippet\":\"done ✅ 转推\",\"signal_type\":\"hustler\"},"
                        + "{\"message_id\":3,\"date\":\"2024-05-01T10:01:00\",\"text_snippet\":\"completed the raid\",\"signal_type\":\"hustler\"}]",
                ana.get("matching_messages").toString());
        assertEquals("[\"done ✅ 转推\",\"completed the raid\"]", ana.get("sample_messages").toString());
        LeadLinks anaLinks = leads.get(0).links();
        assertEquals(List.of(new LeadLinks.ChatLink("group:Builders", "Builders", "group", 2, List.of("alice", "bob")),
                new LeadLinks.ChatLink("telegram:2", "Ana", "personal_chat", 1, List.of("alice"))), anaLinks.chats());
        assertEquals(List.of(new LeadLinks.ReplyLink(4, null, 1), new LeadLinks.ReplyLink(7, "bob", 1)), anaLinks.replies());

        JsonNode ivan = leads.get(1).record();
        assertEquals("{\"earner\":1}", ivan.get("signals").toString());
        assertEquals(1, ivan.get("hustler_score").asInt());
        assertEquals("unknown", ivan.get("profile_type").asText());
        assertEquals(List.of(new LeadLinks.ReplyLink(1, "alice", 1), new LeadLinks.ReplyLink(2, null, 1)),
                leads.get(1).links().replies());
    }

    @Test
    void aSingleChatExportIsOneChat() {
        List<Lead> leads = parse("""
                {"name": "Raiders", "type": "public_supergroup", "id": 555, "messages": [
                 {"id": 1, "type": "message", "date": "2024-01-01T00:00:00", "from": "Kim", "from_id": "user10", "text": "raid"},
                 {"id": 2, "type": "message", "date": "2024-01-01T00:01:00", "from": "Lee", "from_id": "user11", "text": "hello"}
                ]}""");
        assertEquals(1, leads.size());
        assertEquals(10L, leads.getFirst().record().get("telegram_id").asLong());
        assertEquals(List.of(new LeadLinks.ChatLink("group:Raiders", "Raiders", "group", 1, List.of("alice"))),
                leads.getFirst().links().chats());
    }

    @Test
    void aBrokenExportIsRefusedBeforeAnyLead() {
        assertThrows(MalformedLeadFileException.class, () -> parse(ACCOUNT_EXPORT.substring(0, ACCOUNT_EXPORT.length() - 30)));
        MalformedLeadFileException e = assertThrows(MalformedLeadFileException.class,
                () -> parse("{\"chats\": {\"list\": [{\"id\": 1, \"messages\": {\"id\": 2}}]}}"));
        assertEquals("\"messages\" must be an array, found START_OBJECT", e.getMessage());
        assertThrows(MalformedLeadFileException.class, () -> parse("{\"name\": \"x\", \"id\": 3}"));
    }
}
