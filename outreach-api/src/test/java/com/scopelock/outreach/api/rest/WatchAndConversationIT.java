package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.TestKafka;
import com.scopelock.outreach.api.graph.ConversationRepository;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.GraphTime;
import com.scopelock.outreach.api.service.WatchWithdrawals;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.SessionStatusChanged;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.scopelock.outreach.api.rest.InboxIT.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Watches withdrawn (tombstones on outreach.watch) on release, do-not-contact and abandoned drafts; conversations
 * part of the session that watches them, active only while one does; replies linked to the message that was sent.
 * Real Kafka and real FalkorDB.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class WatchAndConversationIT {
    static final String ALICE = TestJwt.bearer("alice");

    @Inject
    FalkorGraphClient graph;
    @Inject
    WatchWithdrawals withdrawals;

    private KafkaConsumer<String, String> watch;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    /** A lead with messages {@code [owner, version, is_sent, updated_at]}; claimed by {@code claimedBy}. */
    private void lead(long id, String slug, String claimedBy, Object[]... messages) {
        graph.write("""
                MERGE (c:U4_Contact_Lead {telegram_id: $id}) SET c.slug = $slug, c.name = 'Lead', c.outreach_status = 'pending',
                  c.profile_type = 'both', c.supervisor_score = 1, c.hustler_score = 1, c.total_score = 2,
                  c.claimed_by = $claimed_by, c.claimed_until = $until, c.analysis_data = '{}'""",
                Map.of("id", id, "slug", slug, "claimed_by", claimedBy,
                        "until", GraphTime.format(Instant.now().plus(Duration.ofHours(1)))))
                .await().atMost(Duration.ofSeconds(5));
        for (Object[] m : messages) {
            Map<String, Object> p = new java.util.LinkedHashMap<>();
            p.put("id", id);
            p.put("m", slug.replace("contact-", "message-") + "-" + m[0] + "-v" + m[1]);
            p.put("owner", m[0]);
            p.put("version", m[1]);
            p.put("sent", m[2]);
            p.put("updated", GraphTime.format((Instant) m[3]));
            graph.write("""
                    MATCH (c:U4_Contact_Lead {telegram_id: $id})
                    CREATE (c)-[:U4_HAS_MESSAGE]->(:U4_Outreach_Message {slug: $m, owner: $owner, version: $version,
                      is_sent: $sent, sent_at: CASE WHEN $sent THEN $updated ELSE null END, message_text: 'Hi',
                      created_at: $updated, updated_at: $updated})""", p).await().atMost(Duration.ofSeconds(5));
        }
    }

    private static Object[] msg(String owner, int version, boolean sent, Instant updated) {
        return new Object[] {owner, version, sent, updated};
    }

    @BeforeEach
    void watchTheWatchTopic() {
        watch = TestKafka.fromEnd(Topics.WATCH);
    }

    @AfterEach
    void close() {
        watch.close();
    }

    /** Tombstones for {@code key} seen so far, polling for up to {@code wait}. */
    private long tombstones(String key, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        do {
            watch.poll(Duration.ofMillis(100)).forEach(seen::add);
        } while (Instant.now().isBefore(deadline)
                && seen.stream().noneMatch(r -> key.equals(r.key()) && r.value() == null));
        return seen.stream().filter(r -> key.equals(r.key()) && r.value() == null).count();
    }

    @Test
    void releasingBeforeSendingWithdrawsTheWatchButNotAfterSending() {
        long unsent = 7_200_000_001L;
        long sent = 7_200_000_002L;
        lead(unsent, "contact-rel-" + unsent, "alice", msg("alice", 1, false, Instant.now()));
        lead(sent, "contact-rel-" + sent, "alice", msg("alice", 1, true, Instant.now()));
        given().header("Authorization", ALICE).post("/api/outreach/contacts/contact-rel-" + unsent + "/release")
                .then().statusCode(200);
        given().header("Authorization", ALICE).post("/api/outreach/contacts/contact-rel-" + sent + "/release")
                .then().statusCode(200);
        assertEquals(1, tombstones(WatchRequested.conversationId(unsent, "alice"), Duration.ofSeconds(10)));
        assertEquals(0, tombstones(WatchRequested.conversationId(sent, "alice"), Duration.ofSeconds(2)),
                "a lead who got the message stays watched for replies");
    }

    @Test
    void doNotContactWithdrawsEveryMembersWatchOfTheLead() {
        long lead = 7_200_000_003L;
        lead(lead, "contact-dncw-" + lead, "alice", msg("alice", 1, false, Instant.now()),
                msg("bob", 1, true, Instant.now()));
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body(Map.of("reason", "asked us not to"))
                .post("/api/outreach/contacts/contact-dncw-" + lead + "/do-not-contact").then().statusCode(200);
        assertEquals(1, tombstones(WatchRequested.conversationId(lead, "alice"), Duration.ofSeconds(10)));
        assertEquals(1, tombstones(WatchRequested.conversationId(lead, "bob"), Duration.ofSeconds(10)));
    }

    @Test
    void draftsLeftUnsentForTheExpiryAreWithdrawnOnce() {
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(15));
        long abandoned = 7_200_000_004L;
        long recent = 7_200_000_005L;
        long sentLongAgo = 7_200_000_006L;
        long editedLately = 7_200_000_007L;
        lead(abandoned, "contact-exp-" + abandoned, "alice", msg("alice", 1, false, old), msg("alice", 2, false, old));
        lead(recent, "contact-exp-" + recent, "alice", msg("alice", 1, false, now.minus(Duration.ofDays(13))));
        lead(sentLongAgo, "contact-exp-" + sentLongAgo, "alice", msg("alice", 1, true, old));
        lead(editedLately, "contact-exp-" + editedLately, "alice", msg("alice", 1, false, old),
                msg("alice", 2, false, now.minus(Duration.ofDays(1))));

        int first = withdrawals.expireDrafts(now).await().atMost(Duration.ofSeconds(20));
        assertTrue(first >= 1, "at least this test's abandoned draft: " + first);
        assertEquals(1, tombstones(WatchRequested.conversationId(abandoned, "alice"), Duration.ofSeconds(10)));
        for (long other : new long[] {recent, sentLongAgo, editedLately}) {
            assertEquals(0, tombstones(WatchRequested.conversationId(other, "alice"), Duration.ofMillis(500)),
                    "still watched: " + other);
        }
        withdrawals.expireDrafts(now).await().atMost(Duration.ofSeconds(20));
        assertEquals(1, tombstones(WatchRequested.conversationId(abandoned, "alice"), Duration.ofSeconds(2)),
                "withdrawn once, not every run");
        // 14 days pass for the 13-day-old draft too
        withdrawals.expireDrafts(now.plus(Duration.ofDays(2))).await().atMost(Duration.ofSeconds(20));
        assertEquals(1, tombstones(WatchRequested.conversationId(recent, "alice"), Duration.ofSeconds(10)));
    }

    @Test
    void aConversationIsPartOfItsSessionAndClosedWhenTheSessionGoes() {
        String owner = "carol-" + UUID.randomUUID().toString().substring(0, 6);
        String first = "telegram-session-" + owner + "-1";
        String second = "telegram-session-" + owner + "-2";
        long lead = 7_200_000_008L;
        lead(lead, "contact-conv-" + lead, owner, msg(owner, 1, true, Instant.now()));
        grant(owner, first);
        status(owner, first, SessionStatusChanged.ACTIVE);
        await("session active", () -> !graph.read("MATCH (s:U4_Telegram_Session {slug: $s}) WHERE s.status = 'active' RETURN s.slug AS s",
                Map.of("s", first)).await().atMost(Duration.ofSeconds(5)).isEmpty());

        String conversation = WatchRequested.conversationId(lead, owner);
        ReplyDetected reply = ReplyDetected.of(owner, conversation, lead, 1001, "Sounds great", Instant.now(), Instant.now());
        TestKafka.send(Topics.REPLIES, reply.key(), JsonCodec.encode(reply));
        await("conversation part of the first session", () -> first.equals(sessionOf(conversation)));
        assertEquals("active", statusOf(conversation));

        status(owner, first, SessionStatusChanged.REVOKED);
        await("closed when the session goes", () -> "closed".equals(statusOf(conversation)));
        String bearer = TestJwt.bearer(owner);
        Map<String, Object> listed = given().header("Authorization", bearer).get("/api/outreach/conversations").then()
                .statusCode(200).extract().jsonPath().getMap("conversations.find { it.conversation_id == '" + conversation + "' }");
        assertEquals("closed", listed.get("conversation_status"), "a closed conversation stays listed, saying so");

        grant(owner, second);
        status(owner, second, SessionStatusChanged.ACTIVE);
        await("a new session takes it over", () -> second.equals(sessionOf(conversation)) && "active".equals(statusOf(conversation)));
        assertEquals(1L, graph.read("MATCH (:U4_Telegram_Conversation {slug: $c})-[r:U4_PART_OF]->(:U4_Telegram_Session) RETURN count(r) AS n",
                Map.of("c", conversation)).await().atMost(Duration.ofSeconds(5)).row(0).number("n"), "part of one session");

        TestKafka.send(Topics.SESSION_GRANTS, second, null); // disconnected: grant tombstone
        await("closed on the grant's tombstone", () -> "closed".equals(statusOf(conversation)));
    }

    @Test
    void aReplyAnswersTheMessageThatWasSentNotTheNewestDraft() {
        String owner = "dave-" + UUID.randomUUID().toString().substring(0, 6);
        long lead = 7_200_000_009L;
        String slug = "contact-rt-" + lead;
        Instant t = Instant.now();
        lead(lead, slug, owner, msg(owner, 1, true, t.minusSeconds(60)), msg(owner, 2, false, t));
        ReplyDetected reply = ReplyDetected.of(owner, WatchRequested.conversationId(lead, owner), lead, 2001, "yes!", t, t);
        TestKafka.send(Topics.REPLIES, reply.key(), JsonCodec.encode(reply));
        await("reply linked", () -> answered(reply) != null);
        assertEquals(slug.replace("contact-", "message-") + "-" + owner + "-v1", answered(reply));

        // a reply that overtakes the mark-sent: linked to the newest draft first, then moved to the one marked sent
        long other = 7_200_000_010L;
        String otherSlug = "contact-rt-" + other;
        lead(other, otherSlug, owner, msg(owner, 1, false, t.minusSeconds(60)), msg(owner, 2, false, t));
        ReplyDetected early = ReplyDetected.of(owner, WatchRequested.conversationId(other, owner), other, 2002, "hi", t, t);
        TestKafka.send(Topics.REPLIES, early.key(), JsonCodec.encode(early));
        String v1 = otherSlug.replace("contact-", "message-") + "-" + owner + "-v1";
        await("reply linked", () -> answered(early) != null);
        assertEquals(otherSlug.replace("contact-", "message-") + "-" + owner + "-v2", answered(early));
        given().header("Authorization", TestJwt.bearer(owner)).contentType(ContentType.JSON)
                .body(Map.of("contact_id", otherSlug, "message_id", v1)).post("/api/outreach/mark-sent").then().statusCode(200);
        assertEquals(v1, answered(early));
        assertEquals(1L, graph.read("MATCH (:U4_Telegram_Reply {slug: $r})-[x:REPLY_TO]->() RETURN count(x) AS n",
                Map.of("r", com.scopelock.outreach.rules.Slugs.reply(early.conversationId(), 2002))).await()
                .atMost(Duration.ofSeconds(5)).row(0).number("n"));
    }

    private String answered(ReplyDetected reply) {
        var r = graph.read("MATCH (:U4_Telegram_Reply {slug: $r})-[:REPLY_TO]->(m:U4_Outreach_Message) RETURN m.slug AS m",
                Map.of("r", com.scopelock.outreach.rules.Slugs.reply(reply.conversationId(), reply.telegramMessageId())))
                .await().atMost(Duration.ofSeconds(5));
        return r.isEmpty() ? null : r.row(0).string("m");
    }

    private String sessionOf(String conversation) {
        var r = graph.read("MATCH (:U4_Telegram_Conversation {slug: $c})-[:U4_PART_OF]->(s:U4_Telegram_Session) RETURN s.slug AS s",
                Map.of("c", conversation)).await().atMost(Duration.ofSeconds(5));
        return r.isEmpty() ? null : r.row(0).string("s");
    }

    private String statusOf(String conversation) {
        var r = graph.read("MATCH (c:U4_Telegram_Conversation {slug: $c}) RETURN c.conversation_status AS s",
                Map.of("c", conversation)).await().atMost(Duration.ofSeconds(5));
        return r.isEmpty() ? null : r.row(0).string("s");
    }

    /** A grant, stored (the monitor's status for it comes after it in real life). */
    private void grant(String owner, String slug) {
        SessionGranted grant = new SessionGranted(UUID.randomUUID(), SessionGranted.TYPE, SessionGranted.VERSION, Instant.now(),
                owner, slug, 777, "SEALED", "key-1", true);
        TestKafka.send(Topics.SESSION_GRANTS, slug, JsonCodec.encode(grant));
        await("grant stored", () -> !graph.read("MATCH (s:U4_Telegram_Session {slug: $s}) WHERE s.is_active = true RETURN s.slug AS s",
                Map.of("s", slug)).await().atMost(Duration.ofSeconds(5)).isEmpty());
    }

    private static void status(String owner, String slug, String status) {
        SessionStatusChanged s = SessionStatusChanged.of(owner, slug, status, "test", Instant.now());
        TestKafka.send(Topics.SESSION_STATUS, slug, JsonCodec.encode(s));
    }
}
