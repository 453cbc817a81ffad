package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.TestLeads;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.GraphResult;
import com.scopelock.outreach.api.graph.GraphTime;
import com.scopelock.outreach.api.service.InboxService;
import com.scopelock.outreach.api.service.QueueService;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Follow-ups (opened by sending, cancelled by a reply, set/snoozed/done by a member) and the lead's timeline. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class FollowUpIT {
    static final String ALICE = TestJwt.bearer("alice");
    static final String BOB = TestJwt.bearer("bob");

    @Inject
    FalkorGraphClient graph;
    @Inject
    QueueService queue;
    @Inject
    InboxService inbox;

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    private static ValidatableResponse put(String bearer, String slug, String body) {
        return as(bearer).contentType("application/json").body(body).put("/api/outreach/contacts/" + slug + "/follow-up").then();
    }

    /** A pending lead claimed by alice with an unsent message of hers, marked sent through the API. */
    private void sentByAlice(String slug, long telegramId) {
        TestLeads.write(graph, queue, slug, telegramId, "Follow Lead", "pending", "alice", Instant.now().plus(Duration.ofHours(1)));
        graph.write("""
                MATCH (c:U4_Contact_Lead {slug: $slug}) SET c.created_at = $created, c.created_by = 'lead-ingest'
                CREATE (c)-[:U4_HAS_MESSAGE]->(:U4_Outreach_Message {slug: $message, owner: 'alice', is_sent: false, version: 1,
                        message_text: 'Hey, a secret first line', generated_by: 'maya', generated_at: $generated, edited: false})""",
                Map.of("slug", slug, "message", slug.replace("contact-", "message-"),
                        "created", GraphTime.format(Instant.now().minusSeconds(60)),
                        "generated", GraphTime.format(Instant.now().minusSeconds(30)))).await().atMost(Duration.ofSeconds(5));
        as(ALICE).contentType("application/json")
                .body("{\"contact_id\": \"" + slug + "\", \"message_id\": \"" + slug.replace("contact-", "message-") + "\"}")
                .post("/api/outreach/mark-sent").then().statusCode(200);
    }

    private GraphResult.Row stored(String slug) {
        return graph.read("""
                MATCH (c:U4_Contact_Lead {slug: $slug})
                RETURN c.follow_up_status AS status, c.follow_up_due_at AS due_at, c.contacted_at AS contacted_at,
                       c.follow_up_set_by AS set_by""", Map.of("slug", slug)).await().atMost(Duration.ofSeconds(5)).row(0);
    }

    @Test
    void sendingOpensAFollowUpDueAfterTheConfiguredDaysAndAReplyCancelsIt() {
        String slug = "contact-fu-send-1";
        long telegramId = 7_600_000_001L;
        sentByAlice(slug, telegramId);
        GraphResult.Row row = stored(slug);
        assertEquals("open", row.string("status"));
        assertEquals(Duration.ofDays(3), Duration.between(Instant.parse(row.string("contacted_at")), Instant.parse(row.string("due_at"))));
        as(BOB).get("/api/outreach/contacts/" + slug).then().statusCode(200)
                .body("pipeline.follow_up_status", equalTo("open")).body("pipeline.follow_up_due_at", equalTo(row.string("due_at")));

        inbox.onReply(ReplyDetected.of("alice", "conv-" + telegramId + "-alice", telegramId, 11L, "sounds good",
                Instant.now(), Instant.now())).await().atMost(Duration.ofSeconds(5));
        row = stored(slug);
        assertEquals("cancelled", row.string("status"), "stop on reply");
        assertEquals("reply-monitor", row.string("set_by"));
        put(ALICE, slug, "{\"snooze_days\": 2}").statusCode(409).body("code", equalTo("no_open_follow_up"));
    }

    @Test
    void undoingTheMarkTakesTheFollowUpItOpenedAlong() {
        String slug = "contact-fu-undo-1";
        sentByAlice(slug, 7_600_000_006L);
        assertEquals("open", stored(slug).string("status"));
        as(ALICE).contentType("application/json")
                .body("{\"contact_id\": \"" + slug + "\", \"message_id\": \"" + slug.replace("contact-", "message-") + "\"}")
                .post("/api/outreach/mark-sent/undo").then().statusCode(200);
        GraphResult.Row row = stored(slug);
        assertEquals(null, row.string("status"));
        assertEquals(null, row.string("due_at"));
        put(ALICE, slug, "{\"status\": \"done\"}").statusCode(409).body("code", equalTo("not_contacted"));
    }

    @Test
    void aMemberSetsSnoozesAndFinishesAFollowUpAndTheTimelineKeepsEveryStep() {
        String slug = "contact-fu-member-1";
        sentByAlice(slug, 7_600_000_002L);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        String due = GraphTime.format(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        put(ALICE, slug, "{\"due_at\": \"" + day + "\"}").statusCode(200).body("follow_up_status", equalTo("open"))
                .body("follow_up_due_at", equalTo(due)).body("follow_up_set_by", equalTo("alice"));
        String snoozed = GraphTime.format(day.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        put(ALICE, slug, "{\"snooze_days\": 2}").statusCode(200).body("follow_up_due_at", equalTo(snoozed));
        put(ALICE, slug, "{\"status\": \"done\"}").statusCode(200).body("follow_up_status", equalTo("done"))
                .body("follow_up_due_at", equalTo(snoozed));
        as(ALICE).contentType("application/json").body("{\"stage\": \"interested\", \"note\": \"likes the mission\"}")
                .put("/api/outreach/contacts/" + slug + "/stage").then().statusCode(200);
        as(BOB).contentType("application/json").body("{\"text\": \"call Tuesday\"}")
                .post("/api/outreach/contacts/" + slug + "/notes").then().statusCode(200);

        var timeline = as(BOB).get("/api/outreach/contacts/" + slug + "/timeline").then().statusCode(200)
                .body("contact_id", equalTo(slug)).extract();
        List<String> kinds = timeline.jsonPath().getList("events.kind");
        assertEquals(List.of("imported", "generated", "sent", "follow_up_set", "follow_up_snoozed", "follow_up_done",
                "stage_changed", "note_added"), kinds);
        assertEquals(List.of("lead-ingest", "alice", "alice", "alice", "alice", "alice", "alice", "bob"),
                timeline.jsonPath().getList("events.actor"));
        assertEquals("interested", timeline.jsonPath().getString("events[6].detail.to"));
        assertEquals(due, timeline.jsonPath().getString("events[4].detail.previous_due_at"));
        assertFalse(timeline.asString().contains("secret first line"), "a member's message text stays theirs");

        var audit = as(ALICE).get("/api/outreach/audit?member=bob&limit=200").then().statusCode(200)
                .body("member", equalTo("bob")).extract().jsonPath();
        assertTrue(audit.getList("events.contact_id").contains(slug));
        assertTrue(audit.getList("events.kind").stream().allMatch(k -> List.of("stage_changed", "note_added", "tags_changed",
                "follow_up_set", "follow_up_snoozed", "follow_up_done", "follow_up_cancelled").contains(k)));
        List<String> mine = as(ALICE).get("/api/outreach/audit").then().statusCode(200).extract().jsonPath()
                .getList("events.kind");
        assertEquals("stage_changed", mine.getFirst(), "alice's newest action first: " + mine);
        as(ALICE).queryParam("member", "x' OR 1=1").get("/api/outreach/audit").then().statusCode(400).body("errors[0].field", equalTo("member"));
        as(ALICE).get("/api/outreach/audit?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void followUpsNeedASentLeadThatIsStillOpenAndTheClaimersWord() {
        String never = "contact-fu-never-1";
        TestLeads.write(graph, queue, never, 7_600_000_003L, "Never Sent", "pending", null, null);
        put(ALICE, never, "{\"due_at\": \"" + LocalDate.now(ZoneOffset.UTC).plusDays(10) + "\"}").statusCode(409)
                .body("code", equalTo("not_contacted"));

        String slug = "contact-fu-rules-1";
        sentByAlice(slug, 7_600_000_004L);
        put(BOB, slug, "{\"status\": \"done\"}").statusCode(409).body("code", equalTo("claimed_by_other"))
                .body("claimed_by", equalTo("alice"));
        assertEquals("open", stored(slug).string("status"));
        as(ALICE).contentType("application/json").body("{\"stage\": \"rejected\"}")
                .put("/api/outreach/contacts/" + slug + "/stage").then().statusCode(200);
        put(ALICE, slug, "{\"snooze_days\": 1}").statusCode(409).body("code", equalTo("follow_up_not_allowed"))
                .body("detail", containsString("rejected"));
        put(ALICE, slug, "{\"status\": \"cancelled\"}").statusCode(200).body("follow_up_status", equalTo("cancelled"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        String slug = "contact-fu-bad-1";
        sentByAlice(slug, 7_600_000_005L);
        String before = stored(slug).string("due_at");
        for (String[] bad : List.of(new String[]{"{\"status\": \"later\"}", "status"},
                new String[]{"{\"due_at\": \"2001-01-01\"}", "due_at"}, new String[]{"{\"due_at\": \"soon\"}", "due_at"},
                new String[]{"{\"due_at\": \"2999-01-01\"}", "due_at"},
                new String[]{"{}", "due_at"}, new String[]{"{\"due_at\": \"2099-01-01\", \"snooze_days\": 1}", "due_at"},
                new String[]{"{\"status\": \"done\", \"due_at\": \"2099-01-01\"}", "due_at"},
                new String[]{"{\"snooze_days\": 0}", "snooze_days"}, new String[]{"{\"snooze_days\": 1000}", "snooze_days"},
                new String[]{"{\"snooze_days\": \"2\"}", "snooze_days"}, new String[]{"{\"snooze_days\": 1.5}", "snooze_days"},
                new String[]{"{\"status\": 3}", "status"})) {
            put(ALICE, slug, bad[0]).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad[1]));
        }
        put(ALICE, slug, "not json").statusCode(400).body("code", equalTo("invalid_body"));
        put(ALICE, "contact-fu-nobody", "{\"status\": \"done\"}").statusCode(404);
        given().contentType("application/json").body("{\"status\": \"done\"}")
                .put("/api/outreach/contacts/" + slug + "/follow-up").then().statusCode(401);
        as(ALICE).get("/api/outreach/contacts/contact-fu-nobody/timeline").then().statusCode(404);
        as(ALICE).get("/api/outreach/contacts/Bad_Id/timeline").then().statusCode(400);
        assertEquals(before, stored(slug).string("due_at"), "refused requests changed nothing");
        assertTrue(stored(slug).string("status").equals("open"));
    }
}
