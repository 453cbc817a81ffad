package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.TestKafka;
import com.scopelock.outreach.api.graph.ConversationRepository;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.GraphResult;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.ReplyLabeled;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Labels on real Kafka and the real FalkorDB: only an explicit opt-out marks do-not-contact by itself, other
 * negative labels wait for the member's one click, corrections are kept and counted.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class ReplyLabelIT {
    static final String ALICE = TestJwt.bearer("alice");
    static final String BOB = TestJwt.bearer("bob");

    @Inject
    FalkorGraphClient graph;

    private String lead(long telegramId) {
        String slug = "contact-label-" + telegramId;
        graph.write(InboxIT.LEAD, Map.of("id", telegramId, "slug", slug, "status", "contacted"))
                .await().atMost(Duration.ofSeconds(5));
        return slug;
    }

    private static ReplyDetected reply(long lead, long messageId, String text) {
        ReplyDetected reply = ReplyDetected.of("alice", WatchRequested.conversationId(lead, "alice"), lead, messageId, text,
                Instant.now().minusSeconds(1), Instant.now());
        TestKafka.send(Topics.REPLIES, reply.key(), JsonCodec.encode(reply));
        return reply;
    }

    private static void label(ReplyDetected reply, String sentiment, String intent) {
        ReplyLabeled label = ReplyLabeled.of(reply, sentiment, intent, ReplyLabeled.BY_RULES, Instant.now());
        TestKafka.send(Topics.REPLY_LABELS, label.key(), JsonCodec.encode(label));
    }

    private static String status(String slug) {
        return given().header("Authorization", ALICE).get("/api/outreach/contacts/" + slug).then().statusCode(200)
                .extract().jsonPath().getString("outreach_status");
    }

    /** The lead's status is whatever replying made it (contacted or replied), not do_not_contact. */
    private static void assertNotMarked(String slug, String why) {
        String status = status(slug);
        assertTrue(status.equals("replied") || status.equals("contacted"), why + ": " + status);
    }

    private static JsonPath replies(long lead) {
        return given().header("Authorization", ALICE)
                .get("/api/outreach/conversations/" + WatchRequested.conversationId(lead, "alice") + "/replies")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void await(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static long corrections(String bearer) {
        return given().header("Authorization", bearer).get("/api/outreach/stats").then().statusCode(200)
                .extract().jsonPath().getLong("corrections");
    }

    @Test
    void aNegativeLabelIsASuggestionTheMemberConfirmsInOneClick() {
        long lead = 7_200_000_001L;
        String slug = lead(lead);
        ReplyDetected reply = reply(lead, 11, "Not interested, thanks");
        String replyId = com.scopelock.outreach.rules.Slugs.reply(reply.conversationId(), 11);
        label(reply, "negative", "not_interested");
        await("the label stored", () -> "not_interested".equals(replies(lead).getString("replies[0].intent")));
        JsonPath stored = replies(lead);
        assertEquals(true, stored.getBoolean("replies[0].do_not_contact_suggested"));
        assertEquals("rules", stored.getString("replies[0].labeled_by"));
        assertNotMarked(slug, "a refusal alone does not mark the lead do-not-contact");

        given().header("Authorization", BOB).post("/api/outreach/replies/" + replyId + "/do-not-contact").then().statusCode(404);
        assertNotMarked(slug, "bob cannot confirm alice's suggestion");
        String until = com.scopelock.outreach.api.graph.GraphTime.format(Instant.now().plusSeconds(3600));
        graph.write("MATCH (c:U4_Contact_Lead {slug: $s}) SET c.claimed_by = 'bob', c.claimed_until = $u",
                Map.of("s", slug, "u", until)).await().atMost(Duration.ofSeconds(5));
        given().header("Authorization", ALICE).post("/api/outreach/replies/" + replyId + "/do-not-contact").then().statusCode(409)
                .body("code", equalTo("claimed_by_other")).body("claimed_by", equalTo("bob"));
        assertNotMarked(slug, "a member's mark follows the claim rule: bob holds a valid claim");
        assertEquals(true, replies(lead).getBoolean("replies[0].do_not_contact_suggested"), "the refused click keeps the suggestion");
        graph.write("MATCH (c:U4_Contact_Lead {slug: $s}) SET c.claimed_by = null, c.claimed_until = null",
                Map.of("s", slug)).await().atMost(Duration.ofSeconds(5)); // bob's claim ends
        given().header("Authorization", ALICE).post("/api/outreach/replies/" + replyId + "/do-not-contact").then().statusCode(200)
                .body("do_not_contact", equalTo(true)).body("lead_status", equalTo("do_not_contact"));
        assertEquals("do_not_contact", status(slug));
        assertEquals(false, replies(lead).getBoolean("replies[0].do_not_contact_suggested"));
        given().header("Authorization", ALICE).post("/api/outreach/replies/" + replyId + "/do-not-contact").then().statusCode(409)
                .body("code", equalTo("no_suggestion"));
        given().header("Authorization", ALICE).post("/api/outreach/replies/reply-nobody-1/do-not-contact").then().statusCode(404);
    }

    @Test
    void onlyAnExplicitOptOutMarksTheLeadAndCorrectingItLiftsThatMark() {
        long lead = 7_200_000_002L;
        String slug = lead(lead);
        ReplyDetected reply = reply(lead, 21, "Yes I'm interested, can't stop thinking about building with AI. Tell me more");
        String replyId = com.scopelock.outreach.rules.Slugs.reply(reply.conversationId(), 21);
        await("the reply", () -> replies(lead).getList("replies").size() == 1);
        label(reply, "negative", "unsubscribe"); // what the old rules said about this reply
        await("do-not-contact from the opt-out label", () -> "do_not_contact".equals(status(slug)));
        assertEquals(false, replies(lead).getBoolean("replies[0].do_not_contact_suggested"));
        given().header("Authorization", ALICE).delete("/api/outreach/contacts/" + slug + "/do-not-contact").then()
                .statusCode(409).body("code", equalTo("lead_opted_out")); // the lead's own opt-out: only with a reason

        long before = corrections(ALICE);
        long bobBefore = corrections(BOB);
        given().header("Authorization", BOB).contentType(ContentType.JSON).body(Map.of("intent", "interested"))
                .put("/api/outreach/replies/" + replyId + "/label").then().statusCode(404);
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("intent", "interested"))
                .put("/api/outreach/replies/" + replyId + "/label").then().statusCode(200)
                .body("intent", equalTo("interested")).body("sentiment", equalTo("positive"))
                .body("labeled_by", equalTo("member")).body("corrected_by", equalTo("alice"))
                .body("previous.intent", equalTo("unsubscribe")).body("previous.sentiment", equalTo("negative"))
                .body("previous.labeled_by", equalTo("rules")).body("do_not_contact_suggested", equalTo(false));
        assertNotMarked(slug, "the mark the wrong label set is lifted");
        GraphResult.Row lift = graph.read("MATCH (c:U4_Contact_Lead {slug: $s}) RETURN c.do_not_contact_lifted_by AS by, "
                + "c.do_not_contact_lift_reason AS why", Map.of("s", slug)).await().atMost(Duration.ofSeconds(5)).row(0);
        assertEquals("alice", lift.string("by"), "who lifted the mark is recorded");
        assertEquals("the member corrected the reply label unsubscribe to interested", lift.string("why"));
        assertEquals(before + 1, corrections(ALICE));
        assertEquals(bobBefore, corrections(BOB), "bob's refused attempt is not counted anywhere");

        GraphResult kept = graph.read("""
                MATCH (r:U4_Telegram_Reply {slug: $r})-[:U4_HAS_CORRECTION]->(x:U4_Label_Correction)
                RETURN x.corrected_by AS who, x.corrected_at AS at, x.old_intent AS old_intent, x.new_intent AS new_intent,
                       x.old_labeled_by AS old_by, x.owner AS owner""", Map.of("r", replyId)).await().atMost(Duration.ofSeconds(5));
        assertEquals(1, kept.all().size());
        assertEquals("alice", kept.row(0).string("who"));
        assertEquals("unsubscribe", kept.row(0).string("old_intent"));
        assertEquals("interested", kept.row(0).string("new_intent"));
        assertEquals("rules", kept.row(0).string("old_by"));
        assertTrue(Instant.parse(kept.row(0).string("at")).isAfter(Instant.now().minusSeconds(60)));

        label(reply, "negative", "unsubscribe"); // delivered again: the member's correction stays, no new mark
        ReplyDetected marker = reply(lead, 22, "marker");
        label(marker, "neutral", "other");
        await("the later label", () -> replies(lead).getList("replies").size() == 2
                && "other".equals(replies(lead).getString("replies[1].intent")));
        assertEquals("interested", replies(lead).getString("replies[0].intent"));
        assertEquals("member", replies(lead).getString("replies[0].labeled_by"));
        assertNotMarked(slug, "a redelivered opt-out label does not undo the member's correction");
    }

    @Test
    void aMemberCorrectingToUnsubscribeMarksTheLeadAndAMembersMarkIsNotLiftedByALabelCorrection() {
        long lead = 7_200_000_003L;
        String slug = lead(lead);
        ReplyDetected reply = reply(lead, 31, "ok");
        String replyId = com.scopelock.outreach.rules.Slugs.reply(reply.conversationId(), 31);
        label(reply, "neutral", "other");
        await("the label", () -> "other".equals(replies(lead).getString("replies[0].intent")));
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("intent", "unsubscribe"))
                .put("/api/outreach/replies/" + replyId + "/label").then().statusCode(200)
                .body("lead_status", equalTo("do_not_contact")).body("previous.intent", equalTo("other"));
        assertEquals("do_not_contact", status(slug));
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("intent", "not_interested"))
                .put("/api/outreach/replies/" + replyId + "/label").then().statusCode(200)
                .body("do_not_contact_suggested", equalTo(true));
        assertEquals("do_not_contact", status(slug), "alice's own mark stays: only a label's mark is lifted");
    }

    @Test
    void badCorrectionsAreRefusedNamingTheField() {
        long lead = 7_200_000_004L;
        lead(lead);
        ReplyDetected reply = reply(lead, 41, "hmm");
        String replyId = com.scopelock.outreach.rules.Slugs.reply(reply.conversationId(), 41);
        await("the reply", () -> replies(lead).getList("replies").size() == 1);
        String path = "/api/outreach/replies/" + replyId + "/label";
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("intent", "ecstatic"))
                .put(path).then().statusCode(400).body("code", equalTo("invalid_intent")).body("errors[0].field", equalTo("intent"))
                .contentType("application/problem+json");
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("sentiment", "positive"))
                .put(path).then().statusCode(400).body("code", equalTo("invalid_intent"));
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("intent", 3))
                .put(path).then().statusCode(400).body("code", equalTo("invalid_intent"));
        given().header("Authorization", ALICE).contentType(ContentType.JSON)
                .body(Map.of("intent", "interested", "sentiment", "joyful"))
                .put(path).then().statusCode(400).body("code", equalTo("invalid_sentiment")).body("errors[0].field", equalTo("sentiment"));
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body("")
                .put(path).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("intent", "interested")).put(path).then().statusCode(401);
        assertEquals(null, replies(lead).getString("replies[0].labeled_by"), "nothing was stored");
    }
}
