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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A member marks a lead rejected (and takes it back) as the lead's claim allows; real FalkorDB behind the REST API. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class RejectionIT {
    static final String ALICE = TestJwt.bearer("alice");
    static final String BOB = TestJwt.bearer("bob");

    @Inject
    FalkorGraphClient graph;
    @Inject
    QueueService queue;

    /** A pending lead ranked first in the queue, claimed by {@code claimedBy} until {@code until}. */
    private void lead(String slug, long telegramId, String claimedBy, Instant until) {
        TestLeads.write(graph, queue, slug, telegramId, "Lead", "pending", claimedBy, until);
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    private static List<String> queueIds() {
        return as(ALICE).get("/api/outreach/queue?limit=50&show_claimed=true").then().statusCode(200)
                .extract().jsonPath().getList("contacts.id", String.class);
    }

    private GraphResult.Row stored(String slug) {
        return graph.read("""
                MATCH (c:U4_Contact_Lead {slug: $slug})
                RETURN c.outreach_status AS outreach_status, c.rejected_by AS rejected_by, c.rejected_at AS rejected_at,
                       c.rejected_reason AS rejected_reason, c.claimed_by AS claimed_by""", Map.of("slug", slug))
                .await().atMost(Duration.ofSeconds(5)).row(0);
    }

    @Test
    void anUnclaimedLeadIsRejectedByAnyMemberWithWhoWhenWhyAndLeavesTheQueueUntilTakenBack() {
        String slug = "contact-rej-free-1";
        lead(slug, 7_300_000_001L, null, null);
        assertTrue(queueIds().contains(slug));

        Instant before = Instant.now();
        as(BOB).contentType("application/json").body("{\"reason\": \"  a recruiter, not a builder  \"}")
                .post("/api/outreach/contacts/" + slug + "/reject").then().statusCode(200)
                .body("contact_id", equalTo(slug)).body("rejected", equalTo(true))
                .body("outreach_status", equalTo("rejected")).body("reason", equalTo("a recruiter, not a builder"))
                .body("rejected_by", equalTo("bob"));
        GraphResult.Row row = stored(slug);
        assertEquals("rejected", row.string("outreach_status"));
        assertEquals("bob", row.string("rejected_by"));
        assertEquals("a recruiter, not a builder", row.string("rejected_reason"));
        assertFalse(Instant.parse(row.string("rejected_at")).isBefore(before.minusMillis(1)), row.string("rejected_at"));
        assertFalse(queueIds().contains(slug), "a rejected lead leaves the queue");
        as(ALICE).get("/api/outreach/contacts/" + slug).then().statusCode(200)
                .body("outreach_status", equalTo("rejected"));

        as(ALICE).delete("/api/outreach/contacts/" + slug + "/reject").then().statusCode(200)
                .body("rejected", equalTo(false)).body("outreach_status", equalTo("pending"))
                .body("reason", nullValue());
        row = stored(slug);
        assertEquals("pending", row.string("outreach_status"));
        assertNull(row.string("rejected_by"));
        assertNull(row.string("rejected_at"));
        assertTrue(queueIds().contains(slug), "back in the queue");
    }

    @Test
    void aReasonIsOptional() {
        String slug = "contact-rej-noreason-1";
        lead(slug, 7_300_000_002L, null, null);
        as(ALICE).post("/api/outreach/contacts/" + slug + "/reject").then().statusCode(200)
                .body("rejected", equalTo(true)).body("reason", nullValue()).body("rejected_by", equalTo("alice"));
        assertNotNull(stored(slug).string("rejected_at"));
    }

    @Test
    void onlyTheClaimerMayRejectOrTakeBackAClaimedLead() {
        String slug = "contact-rej-claimed-1";
        Instant until = Instant.now().plus(Duration.ofHours(1));
        lead(slug, 7_300_000_003L, "alice", until);

        as(BOB).post("/api/outreach/contacts/" + slug + "/reject").then().statusCode(409)
                .body("code", equalTo("claimed_by_other")).body("claimed_by", equalTo("alice"))
                .body("claimed_until", equalTo(GraphTime.format(until)));
        assertEquals("pending", stored(slug).string("outreach_status"), "bob's refused attempt changed nothing");

        as(ALICE).post("/api/outreach/contacts/" + slug + "/reject").then().statusCode(200)
                .body("outreach_status", equalTo("rejected"));
        as(BOB).delete("/api/outreach/contacts/" + slug + "/reject").then().statusCode(409)
                .body("code", equalTo("claimed_by_other"));
        assertEquals("rejected", stored(slug).string("outreach_status"));
        as(ALICE).delete("/api/outreach/contacts/" + slug + "/reject").then().statusCode(200)
                .body("outreach_status", equalTo("pending"));
    }

    @Test
    void anExpiredClaimDoesNotStopAnotherMember() {
        String slug = "contact-rej-expired-1";
        lead(slug, 7_300_000_004L, "alice", Instant.now().minus(Duration.ofMinutes(1)));
        as(BOB).post("/api/outreach/contacts/" + slug + "/reject").then().statusCode(200)
                .body("rejected_by", equalTo("bob"));
    }

    @Test
    void aDoNotContactLeadStaysDoNotContact() {
        String slug = "contact-rej-dnc-1";
        lead(slug, 7_300_000_005L, null, null);
        as(ALICE).contentType("application/json").body("{\"reason\": \"asked us to stop\"}")
                .post("/api/outreach/contacts/" + slug + "/do-not-contact").then().statusCode(200);
        as(ALICE).post("/api/outreach/contacts/" + slug + "/reject").then().statusCode(409)
                .body("code", equalTo("do_not_contact"));
        assertEquals("do_not_contact", stored(slug).string("outreach_status"));
    }

    @Test
    void badInputIsRefusedWithWhatIsWrong() {
        String slug = "contact-rej-bad-1";
        lead(slug, 7_300_000_006L, null, null);
        String path = "/api/outreach/contacts/" + slug + "/reject";
        as(ALICE).contentType("application/json").body("{\"reason\": \"" + "x".repeat(501) + "\"}").post(path)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_reason"));
        as(ALICE).contentType("application/json").body("{\"reason\": 42}").post(path)
                .then().statusCode(400).body("code", equalTo("invalid_body"));
        as(ALICE).contentType("application/json").body("{\"reason\": ").post(path)
                .then().statusCode(400).body("code", equalTo("invalid_body"));
        as(ALICE).post("/api/outreach/contacts/Not_A_Slug/reject")
                .then().statusCode(400).body("code", equalTo("invalid_parameter"));
        as(ALICE).post("/api/outreach/contacts/contact-rej-nobody/reject")
                .then().statusCode(404).body("code", equalTo("contact_not_found"));
        given().post(path).then().statusCode(401);
        assertEquals("pending", stored(slug).string("outreach_status"), "nothing changed by refused requests");
    }
}
