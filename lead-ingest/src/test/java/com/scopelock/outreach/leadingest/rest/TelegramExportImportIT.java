package com.scopelock.outreach.leadingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadLinks;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TelegramExportGenerator;
import com.scopelock.outreach.testsupport.TelegramExportGenerator.Planted;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.scopelock.outreach.testsupport.TelegramExportGenerator.ANA;
import static com.scopelock.outreach.testsupport.TelegramExportGenerator.DMITRI;
import static com.scopelock.outreach.testsupport.TelegramExportGenerator.SOFIA;
import static com.scopelock.outreach.testsupport.TelegramExportGenerator.WEI;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated Telegram exports (TelegramExportGenerator of test-support) imported through the real HTTP stack and a
 * real Kafka broker: the planted people's signals, scores, types and links exactly; the owner, the team, a bot, a
 * deleted account, a quiet and a forwarding person never leads; a broken export refused with nothing published.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class TelegramExportImportIT {
    private static final List<Planted> LEADS = List.of(ANA, DMITRI, WEI, SOFIA);

    private static byte[] export(boolean single) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TelegramExportGenerator(14, 20_000, 2_000, 4, single).write(out);
        return out.toByteArray();
    }

    private static JsonNode post(String member, String importId, byte[] body) {
        String answer = given().header("Authorization", TestJwt.bearer(member)).contentType(ContentType.JSON).body(body)
                .when().post("/api/leads/import?import_id=" + importId)
                .then().statusCode(200)
                .body("format", equalTo("telegram_export")).body("rejected", equalTo(0)).body("state", equalTo("completed"))
                .extract().asString();
        try {
            return JsonCodec.mapper().readTree(answer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<Long, LeadUpserted> publishedBy(String importId, int expected) {
        Map<Long, LeadUpserted> events = new HashMap<>();
        PublishedLeads.of(importId, expected).forEach(e -> events.put(e.lead().telegramId(), e));
        return events;
    }

    private static void assertPlanted(Planted p, LeadUpserted event) {
        assertNotNull(event, p.name() + " is a lead");
        assertEquals(p.name(), event.lead().name());
        JsonNode signals = event.lead().analysisData().get("signals");
        for (String signal : TelegramExportGenerator.SIGNALS) {
            assertEquals(p.count(signal), signals.path(signal).asInt(0), p.name() + " " + signal);
        }
        assertEquals(TelegramExportGenerator.supervisorScore(p), event.lead().supervisorScore(), p.name());
        assertEquals(TelegramExportGenerator.hustlerScore(p), event.lead().hustlerScore(), p.name());
        assertEquals(TelegramExportGenerator.profileType(p), event.lead().profileType(), p.name());
        assertEquals("group", event.lead().chatType());
        int signalMessages = p.signals().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(Math.min(5, signalMessages), event.lead().matchingMessages().size(), p.name());
        event.lead().matchingMessages().forEach(m -> assertTrue(
                TelegramExportGenerator.SIGNALS.contains(m.signalType()) && m.messageId() > 0, m.toString()));
    }

    private static List<String> chatKeys(LeadUpserted event) {
        return event.links().chats().stream().map(LeadLinks.ChatLink::key).toList();
    }

    @Test
    void anAccountExportGivesThePlantedPeopleTheirExactScoresAndLinks() throws IOException {
        String importId = "tg-account-" + UUID.randomUUID();
        JsonNode report = post("alice", importId, export(false));
        int accepted = report.get("accepted").asInt();
        assertTrue(accepted > 500, "background people with signals are leads too: " + accepted);

        Map<Long, LeadUpserted> events = publishedBy(importId, accepted);
        assertEquals(accepted, events.size());
        LEADS.forEach(p -> assertPlanted(p, events.get(p.telegramId())));
        for (long excluded : List.of(TelegramExportGenerator.QUIET.telegramId(),
                TelegramExportGenerator.FORWARDER.telegramId(), TelegramExportGenerator.OWNER_ID,
                TelegramExportGenerator.TEAM_MEMBER_ID, TelegramExportGenerator.BOT_ID, TelegramExportGenerator.DELETED_ID)) {
            assertFalse(events.containsKey(excluded), excluded + " is not a lead");
        }
        assertTrue(events.values().stream().allMatch(e -> e.lead().telegramId() >= TelegramExportGenerator.FIRST_PERSON_ID
                && e.owner().equals("alice")));

        LeadUpserted ana = events.get(ANA.telegramId());
        assertEquals(List.of("group:" + TelegramExportGenerator.chatName(0), "group:" + TelegramExportGenerator.chatName(1)).stream().sorted().toList(),
                chatKeys(ana).stream().sorted().toList());
        ana.links().chats().forEach(c -> assertEquals(List.of("alice", "bob"), c.teamMembers(), c.key()));
        assertEquals(List.of(TelegramExportGenerator.chatName(0), TelegramExportGenerator.chatName(1)).stream().sorted().toList(),
                toList(ana.lead().analysisData().get("groups")).stream().sorted().toList());
        assertEquals(List.of(new LeadLinks.ReplyLink(DMITRI.telegramId(), null,
                        TelegramExportGenerator.repliesBetween(ANA.telegramId(), DMITRI.telegramId()))),
                ana.links().replies());
        assertEquals(List.of(new LeadLinks.ReplyLink(TelegramExportGenerator.TEAM_MEMBER_ID, "bob", 2)),
                events.get(WEI.telegramId()).links().replies());
        assertEquals(List.of(new LeadLinks.ReplyLink(TelegramExportGenerator.OWNER_ID, "alice", 1)),
                events.get(SOFIA.telegramId()).links().replies());

        // a re-import publishes the same scores again (outreach-api's MERGE keeps stages, claims and notes)
        String again = "tg-account-again-" + UUID.randomUUID();
        assertEquals(accepted, post("alice", again, export(false)).get("accepted").asInt());
    }

    @Test
    void aSingleChatExportImportedByATeamMember() throws IOException {
        String importId = "tg-single-" + UUID.randomUUID();
        int accepted = post("bob", importId, export(true)).get("accepted").asInt();
        Map<Long, LeadUpserted> events = publishedBy(importId, accepted);
        assertEquals(accepted, events.size());
        assertPlanted(DMITRI, events.get(DMITRI.telegramId()));
        assertPlanted(ANA, events.get(ANA.telegramId()));
        assertFalse(events.containsKey(WEI.telegramId()), "not in this chat");
        assertFalse(events.containsKey(TelegramExportGenerator.OWNER_ID), "alice is a configured team member");
        assertFalse(events.containsKey(TelegramExportGenerator.TEAM_MEMBER_ID));
        assertEquals(List.of("group:" + TelegramExportGenerator.chatName(0)), chatKeys(events.get(DMITRI.telegramId())));
    }

    @Test
    void aBrokenExportIsAProblemAndPublishesNothing() throws IOException {
        byte[] whole = export(false);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length * 2 / 3);
        String importId = "tg-broken-" + UUID.randomUUID();
        given().header("Authorization", TestJwt.bearer("alice")).contentType(ContentType.JSON).body(cut)
                .when().post("/api/leads/import?import_id=" + importId)
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("malformed_lead_file"))
                .body("detail", containsString("nothing was imported"))
                .body("line", org.hamcrest.Matchers.greaterThan(1));
        assertEquals(0, publishedBy(importId, 0).size());

        String wrongShape = "{\"chats\":{\"list\":[{\"id\":5,\"name\":\"x\",\"messages\":{\"id\":1}}]}}";
        given().header("Authorization", TestJwt.bearer("alice")).contentType(ContentType.JSON).body(wrongShape)
                .when().post("/api/leads/import?import_id=tg-shape-" + UUID.randomUUID())
                .then().statusCode(400).body("code", equalTo("malformed_lead_file"))
                .body("detail", containsString("\"messages\" must be an array"));
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
