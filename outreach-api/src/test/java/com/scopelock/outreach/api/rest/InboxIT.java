package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.TestKafka;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.ReplyLabeled;
import com.scopelock.outreach.model.SentDetected;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.SessionStatusChanged;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replies, labels, sent detections and sessions arriving on real Kafka, landing in the real FalkorDB, shown live. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class InboxIT {
    static final String ALICE = TestJwt.bearer("alice");
    static final String BOB = TestJwt.bearer("bob");

    @Inject
    FalkorGraphClient graph;

    @TestHTTPResource("/api/outreach/events")
    URL events;

    static final String LEAD = "MERGE (c:U4_Contact_Lead {telegram_id: $id}) SET c.slug = $slug, c.name = 'Lead ' + $slug, "
            + "c.outreach_status = $status, c.profile_type = 'both', c.supervisor_score = 1, c.hustler_score = 2, "
            + "c.total_score = 3, c.top_signals = '[]', c.sample_messages = '[]', c.matching_messages = '[]', c.analysis_data = '{}'";

    private void lead(long telegramId, String slug) {
        graph.write(LEAD, Map.of("id", telegramId, "slug", slug, "status", "contacted")).await().atMost(Duration.ofSeconds(5));
    }

    static void await(String what, Supplier<Boolean> condition) {
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

    private static JsonPath conversations(String bearer, String query) {
        return given().header("Authorization", bearer).get("/api/outreach/conversations" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void reply(String owner, long lead, long messageId, String text) {
        ReplyDetected reply = ReplyDetected.of(owner, WatchRequested.conversationId(lead, owner), lead, messageId, text,
                Instant.now().minusSeconds(1), Instant.now());
        TestKafka.send(Topics.REPLIES, reply.key(), JsonCodec.encode(reply));
    }

    @Test
    void aReplyDeliveredTwiceIsOneReplyAndOneUnreadAndTheLeadIsReplied() {
        long lead = 7_100_000_001L;
        lead(lead, "contact-dup-" + lead);
        String conversation = WatchRequested.conversationId(lead, "alice");
        reply("alice", lead, 501, "Yes, tell me more!");
        reply("alice", lead, 501, "Yes, tell me more!");
        reply("alice", lead, 502, "When can we talk?");
        await("two replies", () -> given().header("Authorization", ALICE).get("/api/outreach/conversations/" + conversation + "/replies")
                .then().extract().jsonPath().getList("replies").size() == 2);
        JsonPath list = conversations(ALICE, "?unread_only=true");
        Map<String, Object> conv = list.getMap("conversations.find { it.conversation_id == '" + conversation + "' }");
        assertEquals(2, conv.get("unread_count"));
        assertEquals("When can we talk?", conv.get("last_reply_preview"));
        assertEquals("contact-dup-" + lead, ((Map<?, ?>) conv.get("contact")).get("id"));
        given().header("Authorization", ALICE).get("/api/outreach/contacts/contact-dup-" + lead).then()
                .body("outreach_status", equalTo("replied"));

        given().header("Authorization", BOB).get("/api/outreach/conversations/" + conversation + "/replies").then().statusCode(404);
        given().header("Authorization", BOB).post("/api/outreach/conversations/" + conversation + "/read").then().statusCode(404);
        assertFalse(conversations(BOB, "").getList("conversations.conversation_id").contains(conversation));

        given().header("Authorization", ALICE).post("/api/outreach/conversations/" + conversation + "/read")
                .then().statusCode(200).body("marked", equalTo(2));
        JsonPath after = conversations(ALICE, "");
        assertEquals(0, (Integer) after.getMap("conversations.find { it.conversation_id == '" + conversation + "' }").get("unread_count"));
        given().header("Authorization", ALICE).get("/api/outreach/conversations?unread_only=maybe").then().statusCode(400);
    }

    @Test
    void aReplyReachesTheMembersEventStreamAndLabelsFollow() throws Exception {
        long lead = 7_100_000_002L;
        lead(lead, "contact-live-" + lead);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(events.toURI())
                .header("Authorization", ALICE).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the test ends the stream
            }
        });
        assertNotNull(poll(lines, "event:ready"), "the stream greets first");
        Thread.sleep(1500); // the live consumer starts at the end of the topic: let it join first
        long sentAt = System.nanoTime();
        reply("alice", lead, 601, "Interested!");
        String data = poll(lines, "Interested!");
        assertNotNull(data, "the reply arrives on the stream");
        System.out.printf("reply on the SSE stream %d ms after it was published%n", (System.nanoTime() - sentAt) / 1_000_000);

        String conversation = WatchRequested.conversationId(lead, "alice");
        ReplyDetected labelled = ReplyDetected.of("alice", conversation, lead, 601, "Interested!", Instant.now(), Instant.now());
        ReplyLabeled label = ReplyLabeled.of(labelled, "positive", "interested", ReplyLabeled.BY_RULES, Instant.now());
        TestKafka.send(Topics.REPLY_LABELS, label.key(), JsonCodec.encode(label));
        assertNotNull(poll(lines, "\"intent\":\"interested\""), "the label arrives on the stream");
        await("label stored", () -> "interested".equals(conversations(ALICE, "").getMap(
                "conversations.find { it.conversation_id == '" + conversation + "' }").get("intent")));
        reader.interrupt();
        stream.body().close();
    }

    @Test
    void aLabelThatOvertakesItsReplyIsKeptAndTheReplyStillCountsOnce() {
        long lead = 7_100_000_006L;
        lead(lead, "contact-overtaken-" + lead);
        String conversation = WatchRequested.conversationId(lead, "alice");
        ReplyDetected reply = ReplyDetected.of("alice", conversation, lead, 901, "Sounds good, call me", Instant.now(), Instant.now());
        ReplyLabeled label = ReplyLabeled.of(reply, "positive", "interested", ReplyLabeled.BY_RULES, Instant.now());
        TestKafka.send(Topics.REPLY_LABELS, label.key(), JsonCodec.encode(label));
        await("the label stored before its reply", () -> graph.read("MATCH (r:U4_Telegram_Reply {slug: $s}) RETURN r.intent AS intent",
                Map.of("s", com.scopelock.outreach.rules.Slugs.reply(conversation, 901)))
                .await().atMost(Duration.ofSeconds(5)).all().size() == 1);
        assertFalse(conversations(ALICE, "").getList("conversations.conversation_id").contains(conversation),
                "a label alone shows no conversation");
        TestKafka.send(Topics.REPLIES, reply.key(), JsonCodec.encode(reply));
        TestKafka.send(Topics.REPLIES, reply.key(), JsonCodec.encode(reply));
        await("the reply", () -> conversations(ALICE, "").getList("conversations.conversation_id").contains(conversation));
        Map<String, Object> conv = conversations(ALICE, "").getMap("conversations.find { it.conversation_id == '" + conversation + "' }");
        assertEquals(1, conv.get("unread_count"));
        assertEquals("interested", conv.get("intent"));
        JsonPath replies = given().header("Authorization", ALICE).get("/api/outreach/conversations/" + conversation + "/replies")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, replies.getList("replies").size());
        assertEquals("Sounds good, call me", replies.getString("replies[0].text"));
        assertEquals("positive", replies.getString("replies[0].sentiment"));
        assertEquals(false, replies.getBoolean("replies[0].is_read"));
    }

    @Test
    void theMembersOwnSentMessageDetectedMarksTheLeadContacted() {
        long lead = 7_100_000_003L;
        graph.write(LEAD + " CREATE (c)-[:U4_HAS_MESSAGE]->(:U4_Outreach_Message {slug: $m, owner: 'alice', version: 1, is_sent: false})",
                Map.of("id", lead, "slug", "contact-sent-" + lead, "status", "pending", "m", "message-sent-" + lead))
                .await().atMost(Duration.ofSeconds(5));
        SentDetected sent = SentDetected.of("alice", WatchRequested.conversationId(lead, "alice"), lead, 42, Instant.now(), 0.97, Instant.now());
        TestKafka.send(Topics.SENT_DETECTIONS, sent.key(), JsonCodec.encode(sent));
        await("lead contacted", () -> "contacted".equals(given().header("Authorization", ALICE)
                .get("/api/outreach/contacts/contact-sent-" + lead).then().extract().jsonPath().getString("outreach_status")));
        assertTrue(graph.read("MATCH (m:U4_Outreach_Message {slug: $m}) RETURN m.is_sent AS sent, m.sent_by AS by",
                Map.of("m", "message-sent-" + lead)).await().atMost(Duration.ofSeconds(5)).row(0).bool("sent"));

        JsonPath stats = given().header("Authorization", ALICE).get("/api/outreach/stats").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(stats.getInt("contacted") >= 1, stats.prettify());
        assertEquals(14, stats.getList("per_day").size());
        assertTrue(stats.getInt("per_day[13].contacted") >= 1, "today's contact is counted: " + stats.prettify());
        assertEquals(0, given().header("Authorization", BOB).get("/api/outreach/stats").then().extract().jsonPath()
                .getInt("contacted"), "figures are the caller's own");
    }

    @Test
    void grantsBecomeSessionsWithoutTheirSealedDataAndOnlyTheOwnerDisconnects() {
        String slug = "telegram-session-alice-" + System.nanoTime();
        SessionGranted grant = new SessionGranted(java.util.UUID.randomUUID(), SessionGranted.TYPE, SessionGranted.VERSION, Instant.now(),
                "alice", slug, 777, "SEALED-BYTES-NEVER-SHOWN", "key-1", true);
        TestKafka.send(Topics.SESSION_GRANTS, slug, JsonCodec.encode(grant));
        await("session listed", () -> given().header("Authorization", ALICE).get("/api/outreach/telegram/sessions")
                .then().extract().jsonPath().getList("sessions.session_id").contains(slug));
        given().header("Authorization", ALICE).get("/api/outreach/telegram/sessions").then()
                .body(containsString("\"status\":\"active\"")).body(org.hamcrest.Matchers.not(containsString("SEALED-BYTES")));
        assertFalse(given().header("Authorization", BOB).get("/api/outreach/telegram/sessions").then().extract()
                .jsonPath().getList("sessions.session_id").contains(slug));

        given().header("Authorization", BOB).contentType(ContentType.JSON).body(Map.of("session_id", slug))
                .post("/api/outreach/telegram/disconnect").then().statusCode(404);
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of())
                .post("/api/outreach/telegram/disconnect").then().statusCode(400);
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("session_id", slug))
                .post("/api/outreach/telegram/disconnect").then().statusCode(200).body("status", equalTo("disconnecting"));
        assertEquals(1, TestKafka.read(Topics.SESSION_COMMANDS, r -> slug.equals(r.key()) && r.value().contains("disconnect")).size());

        SessionStatusChanged loggedOut = SessionStatusChanged.of("alice", slug, SessionStatusChanged.LOGGED_OUT, "disconnect command", Instant.now());
        TestKafka.send(Topics.SESSION_STATUS, slug, JsonCodec.encode(loggedOut));
        TestKafka.send(Topics.SESSION_GRANTS, slug, null);
        await("session inactive", () -> {
            Map<String, Object> s = given().header("Authorization", ALICE).get("/api/outreach/telegram/sessions").then().extract()
                    .jsonPath().getMap("sessions.find { it.session_id == '" + slug + "' }");
            return s != null && Boolean.FALSE.equals(s.get("is_active")) && "logged_out".equals(s.get("status"));
        });
        assertTrue(graph.read("MATCH (s:U4_Telegram_Session {slug: $s}) RETURN s.sealed_session IS NULL AS gone",
                Map.of("s", slug)).await().atMost(Duration.ofSeconds(5)).row(0).bool("gone"), "the tombstone removes the sealed data");
    }

    @Test
    void doNotContactLeadsLeaveTheQueueCannotBeGeneratedForAndUnsubscribeRepliesMarkThem() {
        long lead = 7_100_000_005L;
        String slug = "contact-dnc-" + lead;
        graph.write(LEAD, Map.of("id", lead, "slug", slug, "status", "pending")).await().atMost(Duration.ofSeconds(5));
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/outreach/contacts/" + slug + "/do-not-contact").then().statusCode(400);
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("reason", "asked us"))
                .post("/api/outreach/contacts/contact-nobody-9/do-not-contact").then().statusCode(404);
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("reason", "asked us not to"))
                .post("/api/outreach/contacts/" + slug + "/do-not-contact").then().statusCode(200)
                .body("outreach_status", equalTo("do_not_contact"));
        given().header("Authorization", BOB).post("/api/outreach/generate-message/" + slug).then().statusCode(409)
                .body("code", equalTo("do_not_contact"));
        assertFalse(given().header("Authorization", ALICE).get("/api/outreach/queue?limit=100&min_score=3&profile_type=both")
                .then().extract().jsonPath().getList("contacts.id").contains(slug));
        given().header("Authorization", ALICE).delete("/api/outreach/contacts/" + slug + "/do-not-contact").then().statusCode(200)
                .body("outreach_status", equalTo("pending"));

        ReplyDetected reply = ReplyDetected.of("alice", WatchRequested.conversationId(lead, "alice"), lead, 801,
                "please stop messaging me", Instant.now(), Instant.now());
        TestKafka.send(Topics.REPLIES, reply.key(), JsonCodec.encode(reply));
        await("the reply", () -> given().header("Authorization", ALICE).get("/api/outreach/contacts/" + slug)
                .then().extract().jsonPath().getString("outreach_status").equals("replied"));
        ReplyLabeled unsubscribe = ReplyLabeled.of(reply, "negative", "unsubscribe", ReplyLabeled.BY_RULES, Instant.now());
        TestKafka.send(Topics.REPLY_LABELS, unsubscribe.key(), JsonCodec.encode(unsubscribe));
        await("do-not-contact from the unsubscribe label", () -> "do_not_contact".equals(given().header("Authorization", ALICE)
                .get("/api/outreach/contacts/" + slug).then().extract().jsonPath().getString("outreach_status")));
        // the lead's own opt-out: lifted only with an explicit reason
        given().header("Authorization", ALICE).delete("/api/outreach/contacts/" + slug + "/do-not-contact").then()
                .statusCode(409).body("code", equalTo("lead_opted_out"));
    }

    @Test
    void poisonRepliesGoToTheDeadLetterTopicAndTheStreamContinues() {
        TestKafka.send(Topics.REPLIES, "k", "{\"broken\":");
        long lead = 7_100_000_004L;
        lead(lead, "contact-after-poison-" + lead);
        reply("alice", lead, 701, "after poison");
        await("the reply after the poison record", () -> conversations(ALICE, "").getList("conversations.conversation_id")
                .contains(WatchRequested.conversationId(lead, "alice")));
        assertEquals(1, TestKafka.read(Topics.REPLIES + Topics.DLQ_SUFFIX, r -> r.value().equals("{\"broken\":")).size());
    }

    private static String poll(BlockingQueue<String> lines, String needle) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.replace(" ", "").contains(needle.replace(" ", ""))) {
                return line;
            }
        }
        return null;
    }
}
