package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.graph.ClaimRepository;
import com.scopelock.outreach.api.graph.DoNotContactRepository;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.GraphResult;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may set and lift a do-not-contact mark, on the real FalkorDB: the claimer, or anyone while the lead is
 * unclaimed; the lead's own opt-out only with a reason; a mark never moves or clears a claim. (Before: bob could
 * mark alice's claimed lead — which dropped her claim — lift the mark and claim the lead himself.)
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class DoNotContactIT {
    static final String ALICE = TestJwt.bearer("alice");
    static final String BOB = TestJwt.bearer("bob");

    @Inject
    FalkorGraphClient graph;
    @Inject
    ClaimRepository claims;
    @Inject
    DoNotContactRepository marks;

    private String lead(long telegramId) {
        String slug = "contact-dnc-it-" + telegramId + "-" + System.nanoTime();
        graph.write(InboxIT.LEAD, Map.of("id", telegramId, "slug", slug, "status", "pending"))
                .await().atMost(Duration.ofSeconds(5));
        return slug;
    }

    private Instant claimFor(String member, String slug) {
        Instant until = Instant.now().plus(Duration.ofHours(1));
        assertTrue(claims.claim(slug, member, Instant.now(), until).await().atMost(Duration.ofSeconds(5))
                .orElseThrow().granted());
        return until;
    }

    private GraphResult.Row node(String slug) {
        return graph.read("MATCH (c:U4_Contact_Lead {slug: $slug}) RETURN c.claimed_by AS claimed_by, "
                        + "c.claimed_until AS claimed_until, c.do_not_contact_by AS by, c.do_not_contact_at AS at, "
                        + "c.do_not_contact_reason AS reason, c.do_not_contact_lifted_by AS lifted_by, "
                        + "c.do_not_contact_lift_reason AS lift_reason", Map.of("slug", slug))
                .await().atMost(Duration.ofSeconds(5)).row(0);
    }

    private static io.restassured.response.ValidatableResponse mark(String bearer, String slug, String reason) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/outreach/contacts/" + slug + "/do-not-contact").then();
    }

    private static io.restassured.response.ValidatableResponse unmark(String bearer, String slug, String reason) {
        var request = given().header("Authorization", bearer);
        if (reason != null) {
            request = request.queryParam("reason", reason);
        }
        return request.delete("/api/outreach/contacts/" + slug + "/do-not-contact").then();
    }

    @Test
    void bobCanNeitherMarkNorLiftOnAlicesClaimedLeadNorTakeItOver() {
        String slug = lead(7_400_000_001L);
        claimFor("alice", slug);
        String claimedUntil = node(slug).string("claimed_until");

        mark(BOB, slug, "I'd rather nobody wrote to them").statusCode(409).body("code", equalTo("claimed_by_other"))
                .body("claimed_by", equalTo("alice"));
        assertEquals(null, node(slug).string("by"), "bob's refused mark wrote nothing");

        mark(ALICE, slug, "asked us not to write").statusCode(200).body("do_not_contact", equalTo(true))
                .body("reason", equalTo("asked us not to write")).body("marked_by", equalTo("alice"))
                .body("source", equalTo("member")).body("outreach_status", equalTo("do_not_contact"));
        unmark(BOB, slug, "lifting it").statusCode(409).body("code", equalTo("claimed_by_other"));
        given().header("Authorization", BOB).post("/api/outreach/generate-message/" + slug).then().statusCode(409);

        GraphResult.Row after = node(slug);
        assertEquals("alice", after.string("claimed_by"), "the mark leaves alice's claim where it was");
        assertEquals(claimedUntil, after.string("claimed_until"));
        assertEquals("alice", after.string("by"));
        assertEquals("asked us not to write", after.string("reason"));

        unmark(ALICE, slug, null).statusCode(200).body("do_not_contact", equalTo(false))
                .body("outreach_status", equalTo("pending")).body("lifted_by", equalTo("alice"))
                .body("$", not(hasKey("reason")));
        assertEquals("alice", node(slug).string("claimed_by"), "lifting the mark leaves the claim too");
        given().header("Authorization", BOB).post("/api/outreach/generate-message/" + slug).then().statusCode(409)
                .body("code", equalTo("claimed_by_other"));
    }

    @Test
    void anyoneMayMarkAndLiftAnUnclaimedLeadAndTheMarkBlocksClaims() {
        String slug = lead(7_400_000_002L);
        mark(BOB, slug, "wrong person").statusCode(200).body("marked_by", equalTo("bob"));
        mark(ALICE, slug, "a second opinion").statusCode(200).body("marked_by", equalTo("bob"))
                .body("reason", equalTo("wrong person"));
        assertTrue(!claims.claim(slug, "alice", Instant.now(), Instant.now().plusSeconds(3600))
                .await().atMost(Duration.ofSeconds(5)).orElseThrow().granted(), "a marked lead cannot be claimed");
        assertEquals(null, node(slug).string("claimed_by"));
        unmark(ALICE, slug, "checked: right person after all").statusCode(200).body("lifted_by", equalTo("alice"))
                .body("lift_reason", equalTo("checked: right person after all"));
        GraphResult.Row row = node(slug);
        assertEquals("bob", row.string("by"), "who set the mark stays recorded");
        assertEquals("alice", row.string("lifted_by"));
        // not marked any more: lifting again changes nothing and still answers without a null reason
        unmark(BOB, slug, null).statusCode(200).body("do_not_contact", equalTo(false)).body("$", not(hasKey("reason")));
    }

    /** Schemathesis saw {@code reason: null}: every answer key is one the OpenAPI document names, none is null. */
    @Test
    void theAnswerMatchesItsOpenApiSchemaAndCarriesNoNulls() {
        var schema = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .getMap("components.schemas.MarkAnswer");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertEquals(java.util.List.of("contact_id", "do_not_contact", "outreach_status"), schema.get("required"));
        String slug = lead(7_400_000_004L);
        for (var answer : java.util.List.of(
                mark(ALICE, slug, "schema check").statusCode(200).extract().jsonPath().getMap("$"),
                unmark(ALICE, slug, null).statusCode(200).extract().jsonPath().getMap("$"),
                unmark(ALICE, slug, null).statusCode(200).extract().jsonPath().getMap("$"))) {
            for (var entry : answer.entrySet()) {
                assertTrue(properties.containsKey(String.valueOf(entry.getKey())), "undocumented key " + entry.getKey());
                assertTrue(entry.getValue() != null, "null value of " + entry.getKey() + " in " + answer);
            }
        }
    }

    @Test
    void theLeadsOwnOptOutIsLiftedOnlyWithAnExplicitReason() {
        long telegramId = 7_400_000_003L;
        String slug = lead(telegramId);
        claimFor("alice", slug);
        marks.markByLead(telegramId, "the lead asked to unsubscribe", "message-generator", Instant.now())
                .await().atMost(Duration.ofSeconds(5));
        assertEquals("alice", node(slug).string("claimed_by"), "the opt-out does not touch the claim");

        unmark(ALICE, slug, null).statusCode(409).body("code", equalTo("lead_opted_out"))
                .body("detail", containsString("reason"));
        unmark(ALICE, slug, "  ").statusCode(409).body("code", equalTo("lead_opted_out"));
        unmark(BOB, slug, "they changed their mind").statusCode(409).body("code", equalTo("claimed_by_other"));
        given().header("Authorization", ALICE).get("/api/outreach/contacts/" + slug).then()
                .body("outreach_status", equalTo("do_not_contact"));

        unmark(ALICE, slug, "they wrote again and asked to talk").statusCode(200).body("do_not_contact", equalTo(false))
                .body("lift_reason", equalTo("they wrote again and asked to talk"));
        GraphResult.Row row = node(slug);
        assertEquals("message-generator", row.string("by"));
        assertEquals("alice", row.string("lifted_by"));
    }
}
