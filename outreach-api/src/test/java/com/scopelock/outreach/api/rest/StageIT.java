package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.TestLeads;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.GraphResult;
import com.scopelock.outreach.api.graph.GraphTime;
import com.scopelock.outreach.api.service.QueueService;
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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PUT /api/outreach/contacts/{id}/stage and the system's own moves, on a real FalkorDB behind the REST API. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class StageIT {
    static final String ALICE = TestJwt.bearer("alice");
    static final String BOB = TestJwt.bearer("bob");

    @Inject
    FalkorGraphClient graph;
    @Inject
    QueueService queue;

    private void lead(String slug, long telegramId, String status, String claimedBy, Instant until) {
        TestLeads.write(graph, queue, slug, telegramId, "Lead", status, claimedBy, until);
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    private static ValidatableResponse put(String bearer, String slug, String body) {
        return as(bearer).contentType("application/json").body(body).put("/api/outreach/contacts/" + slug + "/stage").then();
    }

    private static List<String> queueIds() {
        return as(ALICE).get("/api/outreach/queue?limit=100&show_claimed=true").then().statusCode(200)
                .extract().jsonPath().getList("contacts.id", String.class);
    }

    private GraphResult.Row stored(String slug) {
        return graph.read("""
                MATCH (c:U4_Contact_Lead {slug: $slug})
                RETURN c.outreach_status AS stage, c.stage_changed_by AS stage_changed_by, c.stage_changed_at AS stage_changed_at,
                       c.stage_note AS note, c.not_now_until AS until, c.contacted_at AS contacted_at,
                       c.rejected_by AS rejected_by, c.status_before_rejection AS before_rejection""", Map.of("slug", slug))
                .await().atMost(Duration.ofSeconds(5)).row(0);
    }

    private List<GraphResult.Row> events(String slug) {
        return graph.read("""
                MATCH (c:U4_Contact_Lead {slug: $slug})-[:U4_HAS_EVENT]->(e:U4_Lead_Event)
                RETURN e.kind AS kind, e.actor AS actor, e.at AS at, e.detail AS detail ORDER BY e.at ASC""", Map.of("slug", slug))
                .await().atMost(Duration.ofSeconds(5)).all();
    }

    @Test
    void aLeadWalksThePipelineAndEveryMoveIsKeptWithWhoWhenAndNote() {
        String slug = "contact-stage-walk-1";
        lead(slug, 7_400_000_001L, "pending", null, null);
        Instant before = Instant.now();
        put(ALICE, slug, "{\"stage\": \"contacted\", \"note\": \"  wrote on LinkedIn  \"}").statusCode(200)
                .body("contact_id", equalTo(slug)).body("stage", equalTo("contacted"))
                .body("previous_stage", equalTo("pending")).body("changed", equalTo(true))
                .body("stage_changed_by", equalTo("alice")).body("note", equalTo("wrote on LinkedIn"));
        GraphResult.Row row = stored(slug);
        assertEquals("contacted", row.string("stage"));
        assertNotNull(row.string("contacted_at"), "a member's contacted sets contacted_at (follow-ups count from it)");
        assertFalse(Instant.parse(row.string("stage_changed_at")).isBefore(before.minusMillis(1)));
        assertFalse(queueIds().contains(slug), "a contacted lead is out of the queue");

        for (String stage : List.of("interested", "call_booked", "joined")) {
            put(BOB, slug, "{\"stage\": \"" + stage + "\"}").statusCode(200).body("stage", equalTo(stage))
                    .body("stage_changed_by", equalTo("bob")).body("note", nullValue());
        }
        as(BOB).get("/api/outreach/contacts/" + slug).then().statusCode(200).body("outreach_status", equalTo("joined"));

        List<GraphResult.Row> events = events(slug);
        assertEquals(4, events.size(), events.toString());
        assertTrue(events.stream().allMatch(e -> "stage_changed".equals(e.string("kind"))));
        assertEquals("alice", events.getFirst().string("actor"));
        assertTrue(events.getFirst().string("detail").contains("\"from\":\"pending\""), events.getFirst().string("detail"));
        assertTrue(events.getFirst().string("detail").contains("\"note\":\"wrote on LinkedIn\""));
        assertTrue(events.getLast().string("detail").contains("\"to\":\"joined\""));
    }

    @Test
    void aMoveThatIsNotSensibleIs409SayingWhyAndChangesNothing() {
        String slug = "contact-stage-bad-1";
        lead(slug, 7_400_000_002L, "pending", null, null);
        put(ALICE, slug, "{\"stage\": \"joined\"}").statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("stage_transition_not_allowed")).body("from", equalTo("pending"))
                .body("to", equalTo("joined"))
                .body("detail", equalTo("a lead moves from pending only to contacted, rejected or not_now, not to joined"));
        assertEquals("pending", stored(slug).string("stage"));
        assertTrue(events(slug).isEmpty(), "a refused move leaves no event");

        put(ALICE, slug, "{\"stage\": \"contacted\"}").statusCode(200);
        put(ALICE, slug, "{\"stage\": \"pending\"}").statusCode(409).body("code", equalTo("stage_transition_not_allowed"));
        put(ALICE, slug, "{\"stage\": \"do_not_contact\"}").statusCode(409)
                .body("detail", containsString("POST /api/outreach/contacts/{id}/do-not-contact"));

        String joined = "contact-stage-bad-2";
        lead(joined, 7_400_000_003L, "joined", null, null);
        put(ALICE, joined, "{\"stage\": \"rejected\"}").statusCode(409).body("detail", containsString("last stage"));
    }

    @Test
    void aDoNotContactLeadMovesOnlyOnceTheMarkIsLifted() {
        String slug = "contact-stage-dnc-1";
        lead(slug, 7_400_000_004L, "pending", null, null);
        as(ALICE).contentType("application/json").body("{\"reason\": \"asked us to stop\"}")
                .post("/api/outreach/contacts/" + slug + "/do-not-contact").then().statusCode(200);
        put(BOB, slug, "{\"stage\": \"contacted\"}").statusCode(409).body("code", equalTo("stage_transition_not_allowed"))
                .body("detail", containsString("lift the mark first"));
        as(ALICE).delete("/api/outreach/contacts/" + slug + "/do-not-contact").then().statusCode(200);
        put(BOB, slug, "{\"stage\": \"contacted\"}").statusCode(200).body("stage", equalTo("contacted"));
    }

    @Test
    void anotherMembersValidClaimRefusesTheMoveAnExpiredOneDoesNot() {
        String slug = "contact-stage-claim-1";
        Instant until = Instant.now().plus(Duration.ofHours(1));
        lead(slug, 7_400_000_005L, "contacted", "alice", until);
        put(BOB, slug, "{\"stage\": \"interested\"}").statusCode(409).body("code", equalTo("claimed_by_other"))
                .body("claimed_by", equalTo("alice")).body("claimed_until", equalTo(GraphTime.format(until)));
        assertEquals("contacted", stored(slug).string("stage"));
        put(ALICE, slug, "{\"stage\": \"interested\"}").statusCode(200);

        String expired = "contact-stage-claim-2";
        lead(expired, 7_400_000_006L, "contacted", "alice", Instant.now().minus(Duration.ofMinutes(1)));
        put(BOB, expired, "{\"stage\": \"interested\"}").statusCode(200).body("stage_changed_by", equalTo("bob"));
    }

    @Test
    void notNowNeedsAFutureDateAndLeavesTheQueueUntilReopened() {
        String slug = "contact-stage-notnow-1";
        lead(slug, 7_400_000_007L, "pending", null, null);
        assertTrue(queueIds().contains(slug));
        put(ALICE, slug, "{\"stage\": \"not_now\"}").statusCode(400).body("code", equalTo("invalid_until"))
                .body("errors[0].field", equalTo("until"));
        put(ALICE, slug, "{\"stage\": \"not_now\", \"until\": \"2020-01-01\"}").statusCode(400)
                .body("detail", containsString("future"));
        put(ALICE, slug, "{\"stage\": \"not_now\", \"until\": \"next week\"}").statusCode(400)
                .body("code", equalTo("invalid_until"));
        put(ALICE, slug, "{\"stage\": \"rejected\", \"until\": \"2099-01-01\"}").statusCode(400)
                .body("detail", containsString("only for not_now"));

        LocalDate date = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        String expected = GraphTime.format(date.atStartOfDay(ZoneOffset.UTC).toInstant());
        put(ALICE, slug, "{\"stage\": \"not_now\", \"until\": \"" + date + "\", \"note\": \"after exams\"}").statusCode(200)
                .body("stage", equalTo("not_now")).body("until", equalTo(expected));
        assertEquals(expected, stored(slug).string("until"));
        assertFalse(queueIds().contains(slug), "not_now leaves the queue");

        put(ALICE, slug, "{\"stage\": \"pending\"}").statusCode(200).body("until", nullValue());
        assertNull(stored(slug).string("until"));
        assertTrue(queueIds().contains(slug), "re-opened to pending: back in the queue");
    }

    @Test
    void rejectingByStageKeepsWhoAndTheStageBeforeAsTheRejectEndpointDoes() {
        String slug = "contact-stage-reject-1";
        lead(slug, 7_400_000_008L, "replied", null, null);
        put(BOB, slug, "{\"stage\": \"rejected\", \"note\": \"not a builder\"}").statusCode(200);
        GraphResult.Row row = stored(slug);
        assertEquals("bob", row.string("rejected_by"));
        assertEquals("replied", row.string("before_rejection"));
        as(BOB).delete("/api/outreach/contacts/" + slug + "/reject").then().statusCode(200)
                .body("outreach_status", equalTo("replied"));
    }

    @Test
    void aLeadWithoutAStoredStageReadsAsPending() {
        String slug = "contact-stage-legacy-1";
        lead(slug, 7_400_000_009L, null, null, null);
        put(ALICE, slug, "{\"stage\": \"joined\"}").statusCode(409).body("from", equalTo("pending"));
        put(ALICE, slug, "{\"stage\": \"contacted\"}").statusCode(200).body("previous_stage", equalTo("pending"));
    }

    @Test
    void markingAMessageSentMovesTheLeadToContacted() {
        String slug = "contact-stage-sent-1";
        lead(slug, 7_400_000_010L, "pending", "alice", Instant.now().plus(Duration.ofHours(1)));
        graph.write("""
                MATCH (c:U4_Contact_Lead {slug: $slug})
                CREATE (c)-[:U4_HAS_MESSAGE]->(:U4_Outreach_Message {slug: $message, owner: 'alice', is_sent: false, version: 1,
                        message_text: 'Hey', generated_by: 'maya', edited: false})""",
                Map.of("slug", slug, "message", "message-stage-sent-1")).await().atMost(Duration.ofSeconds(5));
        as(ALICE).contentType("application/json")
                .body("{\"contact_id\": \"" + slug + "\", \"message_id\": \"message-stage-sent-1\"}")
                .post("/api/outreach/mark-sent").then().statusCode(200).body("contact_status", equalTo("contacted"));
        GraphResult.Row row = stored(slug);
        assertEquals("contacted", row.string("stage"));
        assertEquals("alice", row.string("stage_changed_by"));
        assertNotNull(row.string("stage_changed_at"));
        put(ALICE, slug, "{\"stage\": \"pending\"}").statusCode(409);
    }

    @Test
    void hostileOrBrokenInputIsA4xxProblemNamingTheField() {
        String slug = "contact-stage-hostile-1";
        lead(slug, 7_400_000_011L, "pending", null, null);
        put(ALICE, slug, "{\"stage\": 42}").statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_body")).body("errors[0].field", equalTo("stage"));
        put(ALICE, slug, "{}").statusCode(400).body("errors[0].field", equalTo("stage"));
        put(ALICE, slug, "{\"stage\": \"hired'}) DETACH DELETE c //\"}").statusCode(400)
                .body("code", equalTo("invalid_stage")).body("errors[0].field", equalTo("stage"));
        put(ALICE, slug, "{\"stage\": \"contacted\", \"note\": \"" + "é".repeat(1001) + "\"}").statusCode(400)
                .body("code", equalTo("invalid_note"));
        put(ALICE, slug, "{\"stage\": \"contacted\", \"note\": [1]}").statusCode(400).body("errors[0].field", equalTo("note"));
        put(ALICE, slug, "{\"stage\": \"contacted\", \"note\": \"a\\u0000b\"}").statusCode(400)
                .contentType("application/problem+json");
        put(ALICE, slug, "[\"stage\"]").statusCode(400).body("code", equalTo("invalid_body"));
        put(ALICE, slug, "{\"stage\": ").statusCode(400).body("code", equalTo("invalid_body"));
        put(ALICE, "Contact_X", "{\"stage\": \"contacted\"}").statusCode(400).body("code", equalTo("invalid_parameter"));
        put(ALICE, "contact-stage-nobody", "{\"stage\": \"contacted\"}").statusCode(404).body("code", equalTo("contact_not_found"));
        given().contentType("application/json").body("{\"stage\": \"contacted\"}")
                .put("/api/outreach/contacts/" + slug + "/stage").then().statusCode(401);
        assertEquals("pending", stored(slug).string("stage"), "nothing changed by refused requests");

        put(ALICE, slug, "{\"stage\": \"contacted\", \"note\": \"\\\"}) MATCH (n) DETACH DELETE n //\"}").statusCode(200)
                .body("note", equalTo("\"}) MATCH (n) DETACH DELETE n //"));
        assertEquals("\"}) MATCH (n) DETACH DELETE n //", stored(slug).string("note"), "stored as written, as data");
    }
}
