package com.scopelock.outreach.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.journey.Api.Answer;
import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static com.scopelock.outreach.journey.JourneyStack.LEAD_INGEST;
import static com.scopelock.outreach.journey.JourneyStack.OUTREACH_API;
import static com.scopelock.outreach.journey.JourneyStack.REPLY_MONITOR;
import static com.scopelock.outreach.journey.JourneyStack.TELEGRAM_AUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The full user journey over the five services as separate JVM processes (their built quarkus-run.jar), a real
 * Kafka broker, FalkorDB, Redis and the simulated Telegram, driven only through public interfaces: REST and SSE
 * with JWTs, Kafka (read-only observation) and the simulator's control API standing in for the phones.
 * <p>
 * import → queue → QR login with 2FA → session active → generate → mark sent → lead replies → reply on SSE and in
 * the conversations → label → read → disconnect → logged out. Then the same with reply-monitor and outreach-api
 * killed (kill -9) and restarted mid-journey, and with the Kafka broker killed and restarted: nothing lost, nothing
 * doubled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {
    private static final int SAMPLE_SIZE = 313;
    private static final long WAIT = 60_000;
    private static final String REPLY_TEXT = "Yes, I'm interested! Tell me more.";
    private static final AtomicLong PHONES = new AtomicLong(15550100000L);
    /** Longer than the 60 s after which the lead consumer used to fail its channel (seen failing at 63 s). */
    private static final long FALKORDB_OUTAGE_MS = 75_000;
    private static final int OUTAGE_FIRST_FILE = 3_000;
    private static final int OUTAGE_SECOND_FILE = 2_000;
    /** Big enough that lead-ingest is still publishing when the test sees the first record on the topic. */
    private static final int KILLED_IMPORT_FILE = 40_000;

    private JourneyStack stack;
    private SimulatedTelegramControl phones;
    private long suiteStart;
    /** Leads imported on top of the sample (each journey adds one): the queue's expected total. */
    private int pendingLeads;
    private final List<Conversation> finished = new ArrayList<>();

    record Member(Api api, String phone, String password, long telegramUserId) {
        String name() {
            return api.member();
        }
    }

    record Lead(long telegramId, String firstName, String contactId) {
    }

    record Conversation(Api api, String conversationId, long telegramMessageId) {
    }

    @BeforeAll
    void startStack() throws Exception {
        suiteStart = System.currentTimeMillis();
        stack = new JourneyStack();
        stack.start();
        phones = new SimulatedTelegramControl(stack.worldDir);
        Journal.note("logs: " + stack.logs);
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            long t = System.currentTimeMillis();
            stack.close();
            Journal.step("stack stopped", t);
        }
        Journal.step("whole JourneyIT", suiteStart);
    }

    // ------------------------------------------------------------------------------------------------ journeys

    @Test
    @Order(1)
    void happyJourney() throws Exception {
        long t0 = System.currentTimeMillis();
        Member ana = member("ana");

        // import the sample team_members.json through lead-ingest → outreach-api's queue counts 313 leads
        long t = System.currentTimeMillis();
        byte[] sample;
        try (InputStream in = JourneyIT.class.getResourceAsStream("/team_members.sample.json")) {
            sample = in.readAllBytes();
        }
        Answer imported = ana.api().post(stack.port(LEAD_INGEST), "/api/leads/import", sample);
        assertEquals(200, imported.status(), () -> "import: " + imported);
        assertEquals(SAMPLE_SIZE, imported.get("received").asInt(), imported::toString);
        assertEquals(SAMPLE_SIZE, imported.get("accepted").asInt(), imported::toString);
        assertEquals(0, imported.get("rejected").asInt(), imported::toString);
        Answer queue = until("queue total_count " + SAMPLE_SIZE, () -> ana.api().get(stack.port(OUTREACH_API), "/api/outreach/queue?limit=20"),
                a -> a.status() == 200 && a.get("total_count").asInt() == SAMPLE_SIZE);
        pendingLeads = SAMPLE_SIZE;
        JsonNode first = queue.get("contacts");
        assertEquals(20, first.size());
        assertEquals(30, first.get(0).path("total_score").asInt(), "best score first: " + first.get(0));
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i - 1).path("total_score").asInt() >= first.get(i).path("total_score").asInt(),
                    "queue not sorted by total_score: " + queue.raw());
        }
        Journal.step("1 import 313 sample leads → queue total_count 313, best first", t);

        journeySteps(ana, "Nora", Faults.NONE);
        Journal.step("happy journey", t0);
    }

    @Test
    @Order(2)
    void journeyWithReplyMonitorAndOutreachApiKilledAndRestarted() throws Exception {
        long t0 = System.currentTimeMillis();
        journeySteps(member("ben"), "Omar", Faults.KILL_SERVICES);
        Journal.step("journey with kill -9 of reply-monitor and outreach-api", t0);
    }

    @Test
    @Order(3)
    void journeyWithKafkaBrokerRestarted() throws Exception {
        long t0 = System.currentTimeMillis();
        journeySteps(member("cleo"), "Pia", Faults.RESTART_BROKER);
        // nothing lost by the broker restart: every reply ever detected is still in outreach.replies
        Set<String> inTopic = replyKeysInTopic();
        for (Conversation c : finished) {
            assertTrue(inTopic.contains(c.conversationId()), "outreach.replies lost " + c.conversationId() + " after the broker restart: " + inTopic);
        }
        Journal.step("journey with the Kafka broker killed and restarted", t0);
    }

    /**
     * FalkorDB killed (kill -9) during an import and away longer than the 60 s after which outreach-api's lead
     * consumer used to fail for good: consumption pauses (readiness DOWN, liveness UP all along), a second import
     * arrives meanwhile, and after FalkorDB's restart every lead of both files is in the queue exactly once.
     */
    @Test
    @Order(4)
    void importsSurviveFalkorDbOutage() throws Exception {
        long t0 = System.currentTimeMillis();
        Api api = new Api("dora");
        int out = stack.port(OUTREACH_API);
        int before = pendingLeads;
        List<Long> first = leadIds(8_100_000_000L, OUTAGE_FIRST_FILE);
        List<Long> second = leadIds(8_200_000_000L, OUTAGE_SECOND_FILE);

        CompletableFuture<Answer> firstImport = CompletableFuture.supplyAsync(() ->
                api.post(stack.port(LEAD_INGEST), "/api/leads/import", leadFile(first)));
        // kill FalkorDB while outreach-api writes the first file (or as soon as lead-ingest has published it)
        long deadline = System.currentTimeMillis() + WAIT;
        while (!firstImport.isDone() && queueTotal(api) == before && System.currentTimeMillis() < deadline) {
            Proc.sleep(20);
        }
        int atKill = queueTotal(api);
        stack.kill9FalkorDb();
        long killedAt = System.currentTimeMillis();
        Journal.note("  queue total_count at the kill: " + atKill + " (" + (atKill - before) + " of the first file's "
                + first.size() + " leads written)");
        Answer imported = firstImport.join();
        assertEquals(200, imported.status(), () -> "import: " + imported);
        assertEquals(first.size(), imported.get("accepted").asInt(), imported::toString);
        Answer during = api.post(stack.port(LEAD_INGEST), "/api/leads/import", leadFile(second));
        assertEquals(200, during.status(), () -> "import during the outage: " + during);
        assertEquals(second.size(), during.get("accepted").asInt(), during::toString);

        // the outage: outreach-api must stay alive (liveness UP) and say it is not ready (consumption paused)
        List<String> violations = new ArrayList<>();
        int probes = 0;
        Proc.sleep(3_000);
        while (System.currentTimeMillis() - killedAt < FALKORDB_OUTAGE_MS) {
            Answer live = Api.health(out, "live");
            Answer ready = Api.health(out, "ready");
            long at = (System.currentTimeMillis() - killedAt) / 1000;
            if (live.status() != 200) {
                violations.add(at + " s: liveness " + live);
            }
            if (ready.status() != 503) {
                violations.add(at + " s: readiness " + ready);
            }
            probes++;
            Proc.sleep(2_500);
        }
        Answer lastLive = Api.health(out, "live");
        assertTrue(violations.isEmpty(), "during the FalkorDB outage: " + violations);
        assertEquals(200, lastLive.status(), () -> "liveness after " + FALKORDB_OUTAGE_MS + " ms without FalkorDB: " + lastLive);
        Journal.step("FalkorDB away " + (System.currentTimeMillis() - killedAt) / 1000 + " s: liveness UP, readiness DOWN ("
                + probes + " probes each)", killedAt);

        stack.restartFalkorDb();
        long t = System.currentTimeMillis();
        stack.awaitReady(List.of(OUTREACH_API));
        Journal.step("outreach-api ready again by itself after FalkorDB's restart", t);
        pendingLeads += first.size() + second.size();
        until("queue total_count " + pendingLeads + " after the outage", () -> api.get(out, "/api/outreach/queue?limit=1"),
                a -> a.status() == 200 && a.get("total_count").asInt() == pendingLeads);
        Journal.step("every lead imported around the outage is in the queue", t);

        // the same set, each once
        List<Long> listed = queueTelegramIds(api);
        Set<Long> expected = new java.util.HashSet<>(first);
        expected.addAll(second);
        List<Long> ours = listed.stream().filter(expected::contains).toList();
        assertEquals(expected.size(), ours.size(), "a lead of the two files is missing or listed twice");
        assertEquals(expected, Set.copyOf(ours));
        assertEquals(pendingLeads, listed.size(), "queue pages and total_count disagree");
        Journal.step("FalkorDB outage during imports: nothing lost, nothing doubled", t0);
    }

    /**
     * lead-ingest killed (kill -9) while it publishes a file: outreach-api sees none of the file or all of it, never a
     * part; the retry with the same import_id, once the dead run's report expired, publishes it whole, once.
     */
    @Test
    @Order(5)
    void leadIngestKilledMidImportPublishesAllOrNothing() throws Exception {
        long t0 = System.currentTimeMillis();
        Api api = new Api("finn");
        int before = pendingLeads;
        List<Long> ids = leadIds(8_300_000_000L, KILLED_IMPORT_FILE);
        byte[] file = leadFile(ids);
        String importId = "killed-" + java.util.UUID.randomUUID();
        String path = "/api/leads/import?import_id=" + importId;

        int onTopicAtKill;
        Answer killed;
        try (KafkaConsumer<String, String> watcher = topicWatcher("read_uncommitted")) {
            CompletableFuture<Answer> running = CompletableFuture.supplyAsync(() -> api.post(stack.port(LEAD_INGEST), path, file));
            // the first record of this import on the topic (committed or not): lead-ingest is publishing the file
            long deadline = System.currentTimeMillis() + WAIT;
            int seen = 0;
            while (seen == 0 && !running.isDone() && System.currentTimeMillis() < deadline) {
                seen += countImport(watcher.poll(Duration.ofMillis(20)), importId);
            }
            stack.kill9(LEAD_INGEST);
            killed = running.join();
            long drain = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < drain) {
                seen += countImport(watcher.poll(Duration.ofMillis(200)), importId);
            }
            onTopicAtKill = seen;
        }
        Journal.note("  lead-ingest killed with " + onTopicAtKill + " of " + ids.size() + " records of the file on the topic"
                + " (its answer: " + killed.status() + ")");

        // what outreach-api shows: none of the file or all of it
        Proc.sleep(6_000);
        int visible = queueTotal(api) - before;
        assertTrue(visible == 0 || visible == ids.size(), "after lead-ingest died mid-import outreach-api shows " + visible
                + " of the file's " + ids.size() + " leads (" + onTopicAtKill + " records were on the topic)");
        Journal.step("lead-ingest kill -9 mid-import → " + visible + " of " + ids.size() + " leads visible", t0);

        // the retry with the same import_id (409 while the dead run's report lives) completes it
        stack.restart(LEAD_INGEST);
        long t = System.currentTimeMillis();
        Answer retried;
        do {
            retried = api.post(stack.port(LEAD_INGEST), path, file);
        } while (retried.status() == 409 && System.currentTimeMillis() - t < WAIT && sleepAWhile());
        Answer retry = retried;
        assertEquals(200, retry.status(), () -> "retry: " + retry);
        assertEquals("completed", retry.get("state").asText(), retry::toString);
        assertEquals(ids.size(), retry.get("accepted").asInt(), retry::toString);
        Journal.step("retry with the same import_id → completed", t);
        pendingLeads += ids.size();
        until("queue total_count " + pendingLeads + " after the retry", () -> api.get(stack.port(OUTREACH_API), "/api/outreach/queue?limit=1"),
                a -> a.status() == 200 && a.get("total_count").asInt() == pendingLeads);
        // nothing doubled on Kafka either: committed, the topic holds each lead of the file once
        try (KafkaConsumer<String, String> reader = topicWatcher("read_committed")) {
            reader.seekToBeginning(reader.assignment());
            Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment());
            List<String> keys = new ArrayList<>();
            long deadline = System.currentTimeMillis() + WAIT;
            while (reader.assignment().stream().anyMatch(p -> reader.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && r.value().contains("\"import_id\":\"" + importId + "\"")) {
                        keys.add(r.key());
                    }
                }
            }
            assertEquals(ids.size(), keys.size(), "committed records of the import on outreach.lead-upserts");
            assertEquals(ids.stream().map(String::valueOf).collect(Collectors.toSet()), Set.copyOf(keys));
        }
        Journal.step("lead-ingest killed mid-import, retried: all leads once", t0);
    }

    private enum Faults { NONE, KILL_SERVICES, RESTART_BROKER }

    /** The journey for one fresh member and one fresh lead, with the given faults injected mid-journey. */
    private void journeySteps(Member member, String leadName, Faults faults) throws Exception {
        Api api = member.api();
        int out = stack.port(OUTREACH_API);

        // a fresh lead: a Telegram user in the simulated world, imported with top scores
        long t = System.currentTimeMillis();
        Lead lead = importLead(api, leadName);
        Journal.step("2 lead " + lead.contactId() + " imported and listed in the queue (total_count " + pendingLeads + ")", t);

        SseStream sse = faults == Faults.KILL_SERVICES ? null : new SseStream(out, api);
        try {
            // QR login with 2FA
            t = System.currentTimeMillis();
            String sessionId = connectTelegram(member);
            Journal.step("3 QR login with 2FA → authorized " + sessionId, t);

            t = System.currentTimeMillis();
            JsonNode session = awaitSession(api, sessionId, "active");
            assertTrue(session.path("is_active").asBoolean(), session::toString);
            assertTrue(session.path("simulated").asBoolean(), session::toString);
            assertEquals(member.telegramUserId(), session.path("telegram_user_id").asLong(), session::toString);
            if (sse != null) {
                sse.await(e -> "session".equals(e.name()) && sessionId.equals(e.data().path("session_id").asText())
                        && "active".equals(e.data().path("status").asText()), WAIT, "session active event");
            }
            Journal.step("4 session listed active in outreach-api", t);

            if (faults == Faults.KILL_SERVICES) {
                stack.kill9(REPLY_MONITOR); // the grant is granted; the monitor dies before the chat is watched
            }

            // generate the first message with the (fake) Claude CLI, then mark it sent
            t = System.currentTimeMillis();
            Answer generated = api.post(out, "/api/outreach/generate-message/" + lead.contactId(), null);
            assertEquals(200, generated.status(), () -> "generate: " + generated);
            assertEquals("maya", generated.get("generated_by").asText(), generated::toString);
            assertTrue(generated.get("warning").isMissingNode() || generated.get("warning").isNull(), generated::toString);
            assertEquals(lead.contactId(), generated.get("contact_id").asText(), generated::toString);
            String text = generated.get("message_text").asText();
            assertTrue(text.startsWith("Hey " + lead.firstName()), generated::toString);
            assertTrue(text.codePointCount(0, text.length()) <= 500, generated::toString);
            String messageId = generated.get("message_id").asText();
            Journal.step("5 generate-message → maya, " + text.length() + " chars", t);

            t = System.currentTimeMillis();
            Answer sent = api.post(out, "/api/outreach/mark-sent", Map.of("contact_id", lead.contactId(), "message_id", messageId));
            assertEquals(200, sent.status(), () -> "mark-sent: " + sent);
            assertTrue(sent.get("success").asBoolean(), sent::toString);
            assertEquals("contacted", sent.get("contact_status").asText(), sent::toString);
            pendingLeads--;
            until("queue total_count " + pendingLeads + " after mark-sent", () -> api.get(out, "/api/outreach/queue?limit=1"),
                    a -> a.status() == 200 && a.get("total_count").asInt() == pendingLeads);
            Journal.step("6 mark-sent → contacted, the lead left the queue", t);

            if (faults == Faults.KILL_SERVICES) {
                stack.restart(REPLY_MONITOR); // reopens the session from the compacted grant, reads the watch
                stack.kill9(OUTREACH_API);    // down while the reply is detected and published
            }
            if (faults == Faults.RESTART_BROKER) {
                stack.kill9Kafka();           // the reply is detected while the broker is down
            }

            // the lead replies in Telegram
            long replyWritten = System.currentTimeMillis();
            SimulatedTelegramControl.MessageRef ref = phones.leadWrites(member.phone(), Long.toString(lead.telegramId()),
                    lead.firstName(), REPLY_TEXT);
            String conversationId = "conv-" + lead.telegramId() + "-" + member.name();

            if (faults == Faults.KILL_SERVICES) {
                Proc.sleep(1_500); // let the monitor detect and publish while outreach-api is down
                stack.restart(OUTREACH_API);
            }
            if (faults == Faults.RESTART_BROKER) {
                Proc.sleep(2_000);
                stack.restartKafka();
                t = System.currentTimeMillis();
                stack.awaitReady(JourneyStack.SERVICES);
                Journal.step("all five services ready again after the broker restart", t);
            }

            if (sse != null) {
                SseStream.Event reply = sse.await(e -> "reply".equals(e.name())
                        && conversationId.equals(e.data().path("conversation_id").asText()), WAIT, "reply event");
                assertEquals(ref.messageId(), reply.data().path("telegram_message_id").asLong(), reply::toString);
                assertEquals(REPLY_TEXT, reply.data().path("text").asText(), reply::toString);
                Journal.note(String.format("%-70s %6d ms", "7 lead writes → reply event on the SSE stream",
                        reply.receivedAtMillis() - replyWritten));
            }

            // the conversation: one unread reply
            // (the reply and its link to the lead are two graph writes: wait for both, see README "Observations")
            Answer conversations = until("conversation " + conversationId + " linked to its lead",
                    () -> api.get(out, "/api/outreach/conversations"),
                    a -> a.status() == 200 && conversation(a, conversationId)
                            .map(c -> lead.contactId().equals(c.path("contact").path("id").asText())).orElse(false));
            JsonNode conversation = conversation(conversations, conversationId).orElseThrow();
            assertEquals(1, conversation.path("unread_count").asLong(), conversation::toString);
            assertEquals(lead.telegramId(), conversation.path("contact").path("telegram_id").asLong(), conversation::toString);
            assertEquals(lead.contactId(), conversation.path("contact").path("id").asText(), conversation::toString);
            Journal.step("8 lead writes → conversation listed with unread_count 1", replyWritten);

            // the label: live on the SSE stream, on Kafka, and stored (the badges of the conversations list)
            if (sse != null) {
                SseStream.Event label = sse.await(e -> "label".equals(e.name())
                        && conversationId.equals(e.data().path("conversation_id").asText()), WAIT, "label event");
                assertEquals("positive", label.data().path("sentiment").asText(), label::toString);
                assertEquals("interested", label.data().path("intent").asText(), label::toString);
                Journal.step("9 lead writes → label event positive/interested on the SSE stream", replyWritten);
            }

            // the label on Kafka (public topic outreach.reply-labels): one for this reply, positive/interested
            long tl = System.currentTimeMillis();
            List<JsonNode> labels = new ArrayList<>();
            while (labels.isEmpty() && System.currentTimeMillis() - tl < WAIT) {
                for (ConsumerRecord<String, String> r : records("outreach.reply-labels")) {
                    JsonNode v = Api.JSON.readTree(r.value());
                    if (conversationId.equals(r.key()) && v.path("telegram_message_id").asLong() == ref.messageId()) {
                        labels.add(v);
                    }
                }
                if (labels.isEmpty()) {
                    Proc.sleep(500);
                }
            }
            assertFalse(labels.isEmpty(), "no label for " + conversationId + " on outreach.reply-labels");
            for (JsonNode v : labels) {
                assertEquals("positive", v.path("sentiment").asText(), v::toString);
                assertEquals("interested", v.path("intent").asText(), v::toString);
            }
            Journal.step("9 lead writes → label on outreach.reply-labels (" + labels.size() + " record(s))", replyWritten);
            assertLabelled(api, conversationId);
            Journal.step("9 lead writes → label positive/interested stored (conversations list, reply)", replyWritten);

            // exactly once: one reply node, still one unread, even after the at-least-once redeliveries settle
            Proc.sleep(faults == Faults.NONE ? 500 : 3_000);
            assertExactlyOneReply(api, conversationId, ref.messageId(), 1);
            if (sse != null) {
                List<SseStream.Event> replies = sse.matching(e -> "reply".equals(e.name())
                        && conversationId.equals(e.data().path("conversation_id").asText()));
                Set<String> distinct = replies.stream().map(e -> e.data().path("reply_id").asText()).collect(Collectors.toSet());
                assertEquals(1, distinct.size(), "reply events name more than one reply: " + replies);
                Journal.note("  SSE reply events for the conversation: " + replies.size() + " (one reply id)");
            }
            JsonNode contact = api.get(out, "/api/outreach/contacts/" + lead.contactId()).body();
            assertEquals("replied", contact.path("outreach_status").asText(), contact::toString);

            // read it (in the dashboard only)
            t = System.currentTimeMillis();
            Answer read = api.post(out, "/api/outreach/conversations/" + conversationId + "/read", null);
            assertEquals(200, read.status(), () -> "read: " + read);
            assertEquals(0, read.get("unread_count").asInt(), read::toString);
            Answer afterRead = api.get(out, "/api/outreach/conversations");
            assertEquals(0, conversation(afterRead, conversationId).orElseThrow().path("unread_count").asLong(), afterRead::toString);
            assertExactlyOneReply(api, conversationId, ref.messageId(), 0);
            Journal.step("10 read → unread_count 0", t);

            // disconnect → the monitor logs out → logged_out, inactive
            t = System.currentTimeMillis();
            Answer disconnect = api.post(out, "/api/outreach/telegram/disconnect", Map.of("session_id", sessionId));
            assertEquals(200, disconnect.status(), () -> "disconnect: " + disconnect);
            assertTrue(disconnect.get("success").asBoolean(), disconnect::toString);
            JsonNode gone = awaitSession(api, sessionId, "logged_out");
            assertFalse(gone.path("is_active").asBoolean(), gone::toString);
            assertFalse(gone.path("is_monitoring").asBoolean(), gone::toString);
            if (sse != null) {
                sse.await(e -> "session".equals(e.name()) && sessionId.equals(e.data().path("session_id").asText())
                        && "logged_out".equals(e.data().path("status").asText()), WAIT, "session logged_out event");
            }
            assertTrue(phones.sessions(member.phone()).stream().allMatch(SimulatedTelegramControl.SessionInfo::revoked),
                    "the Telegram session is still alive after the disconnect: " + phones.sessions(member.phone()));
            Journal.step("11 disconnect → session logged_out, inactive, Telegram session logged out", t);

            finished.add(new Conversation(api, conversationId, ref.messageId()));
            // nothing lost or doubled for the earlier journeys either (after restarts)
            for (Conversation c : finished) {
                assertExactlyOneReply(c.api(), c.conversationId(), c.telegramMessageId(), 0);
            }
        } finally {
            if (sse != null) {
                sse.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ steps

    private Member member(String name) {
        String phone = "+" + PHONES.incrementAndGet();
        long userId = phones.addAccount(phone, name, "Member", name + "_member");
        String password = "correct horse " + name;
        phones.setPassword(phone, password, "horse?");
        return new Member(new Api(name), phone, password, userId);
    }

    /** A Telegram user in the simulated world and the same person as a lead (scores 15/15) imported through lead-ingest. */
    private Lead importLead(Api api, String firstName) {
        String username = firstName.toLowerCase() + "_lead";
        long telegramId = phones.addAccount("+" + PHONES.incrementAndGet(), firstName, "", username);
        Map<String, Object> record = Map.of("telegram_id", telegramId, "name", firstName, "chat_type", "personal_chat",
                "profile_type", "both", "supervisor_score", 15, "hustler_score", 15, "username", username,
                "sample_messages", List.of("Done with the raid, 45 replies posted"),
                "matching_messages", List.of(Map.of("message_id", 4242, "date", "2025-09-10T07:00:00",
                        "text_snippet", "Done with the raid, 45 replies posted", "signal_type", "hustler")));
        Answer imported = api.post(stack.port(LEAD_INGEST), "/api/leads/import", Map.of("team_members", List.of(record)));
        assertEquals(200, imported.status(), () -> "import: " + imported);
        assertEquals(1, imported.get("accepted").asInt(), imported::toString);
        pendingLeads++;
        Answer queue = until("lead " + telegramId + " in the queue", () -> api.get(stack.port(OUTREACH_API),
                        "/api/outreach/queue?min_score=30&limit=100"),
                a -> a.status() == 200 && contact(a, telegramId).isPresent() && a.get("total_count").asInt() == pendingLeads);
        JsonNode contact = contact(queue, telegramId).orElseThrow();
        assertEquals(30, contact.path("total_score").asInt(), contact::toString);
        assertEquals("pending", contact.path("outreach_status").asText(), contact::toString);
        return new Lead(telegramId, firstName, contact.path("id").asText());
    }

    /** qr-start → the phone scans → qr-check password_required → a wrong password (422) → the right one → authorized. */
    private String connectTelegram(Member member) {
        Api api = member.api();
        int auth = stack.port(TELEGRAM_AUTH);
        Answer start = api.post(auth, "/api/outreach/telegram/qr-start", null);
        assertEquals(200, start.status(), () -> "qr-start: " + start);
        String token = start.get("token").asText();
        assertTrue(start.get("qr_code").asText().startsWith("data:image/png;base64,"), start::toString);
        assertTrue(start.get("simulated").asBoolean(), start::toString);

        Answer pending = api.get(auth, "/api/outreach/telegram/qr-check/" + token);
        assertEquals(200, pending.status(), pending::toString);
        assertEquals("pending", pending.get("status").asText(), pending::toString);

        // the phone scans the QR code shown (Settings → Devices → Link Desktop Device)
        SimulatedTelegramControl.PendingQr qr = phones.pendingQrLogins().stream().filter(p -> !p.scanned())
                .min(java.util.Comparator.comparingLong(SimulatedTelegramControl.PendingQr::ageMillis))
                .orElseThrow(() -> new AssertionError("no pending QR login in the simulated world"));
        assertEquals(member.telegramUserId(), phones.scan(qr.link(), member.phone()));

        Answer needPassword = until("qr-check password_required", () -> api.get(auth, "/api/outreach/telegram/qr-check/" + token),
                a -> a.status() != 200 || !"pending".equals(a.get("status").asText()));
        assertEquals(200, needPassword.status(), needPassword::toString);
        assertEquals("password_required", needPassword.get("status").asText(), needPassword::toString);
        assertEquals("horse?", needPassword.get("password_hint").asText(), needPassword::toString);

        Answer wrong = api.post(auth, "/api/outreach/telegram/qr-password/" + token, Map.of("password", "wrong horse"));
        assertEquals(422, wrong.status(), wrong::toString);
        assertEquals("wrong_password", wrong.get("code").asText(), wrong::toString);
        assertFalse(wrong.raw().contains("wrong horse"), "the password is echoed: " + wrong);

        Answer right = api.post(auth, "/api/outreach/telegram/qr-password/" + token, Map.of("password", member.password()));
        assertEquals(200, right.status(), right::toString);
        assertEquals("authorized", right.get("status").asText(), right::toString);
        String sessionId = right.get("session_id").asText();
        assertTrue(sessionId.startsWith("telegram-session-" + member.name() + "-"), right::toString);

        Answer check = api.get(auth, "/api/outreach/telegram/qr-check/" + token);
        assertEquals("authorized", check.get("status").asText(), check::toString);
        assertEquals(sessionId, check.get("session_id").asText(), check::toString);
        return sessionId;
    }

    /** The conversations list shows the label message-generator gave the reply (the fake CLI says positive/interested). */
    private void assertLabelled(Api api, String conversationId) {
        Answer labelled = until("labels on " + conversationId, () -> api.get(stack.port(OUTREACH_API), "/api/outreach/conversations"),
                a -> a.status() == 200 && conversation(a, conversationId).map(JourneyIT::labelled).orElse(false));
        JsonNode withLabel = conversation(labelled, conversationId).orElseThrow();
        assertEquals("positive", withLabel.path("sentiment").asText(), withLabel::toString);
        assertEquals("interested", withLabel.path("intent").asText(), withLabel::toString);
        Answer replies = api.get(stack.port(OUTREACH_API), "/api/outreach/conversations/" + conversationId + "/replies");
        assertEquals("positive", replies.get("replies").path(0).path("sentiment").asText(), replies::toString);
        assertEquals("interested", replies.get("replies").path(0).path("intent").asText(), replies::toString);
    }

    private JsonNode awaitSession(Api api, String sessionId, String status) {
        Answer sessions = until("session " + sessionId + " " + status,
                () -> api.get(stack.port(OUTREACH_API), "/api/outreach/telegram/sessions"),
                a -> a.status() == 200 && session(a, sessionId).map(s -> status.equals(s.path("status").asText())).orElse(false));
        return session(sessions, sessionId).orElseThrow();
    }

    /** One reply node in the conversation (replies endpoint) and the expected unread count in the list. */
    private void assertExactlyOneReply(Api api, String conversationId, long telegramMessageId, long unread) {
        int out = stack.port(OUTREACH_API);
        Answer replies = api.get(out, "/api/outreach/conversations/" + conversationId + "/replies");
        assertEquals(200, replies.status(), replies::toString);
        JsonNode list = replies.get("replies");
        assertEquals(1, list.size(), () -> "expected exactly one reply in " + conversationId + ": " + replies);
        assertEquals(telegramMessageId, list.get(0).path("telegram_message_id").asLong(), replies::toString);
        assertEquals(REPLY_TEXT, list.get(0).path("text").asText(), replies::toString);
        Answer conversations = api.get(out, "/api/outreach/conversations");
        JsonNode c = conversation(conversations, conversationId).orElseThrow(() -> new AssertionError(
                conversationId + " missing from the conversations list: " + conversations));
        assertEquals(unread, c.path("unread_count").asLong(), c::toString);
        assertEquals(1, conversations.get("conversations").size(), () -> "one conversation per member: " + conversations);
    }

    private Set<String> replyKeysInTopic() {
        List<String> keys = records("outreach.replies").stream().map(ConsumerRecord::key).toList();
        Journal.note("outreach.replies holds " + keys.size() + " record(s): " + keys);
        return Set.copyOf(keys);
    }

    /** Every record of a topic, read from the beginning with a group-less consumer (observation only). */
    private List<ConsumerRecord<String, String>> records(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
            return all;
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** {@code count} telegram ids from {@code from} on: leads no simulated account needs (they never reply). */
    private static List<Long> leadIds(long from, int count) {
        return java.util.stream.LongStream.range(from, from + count).boxed().toList();
    }

    /** A lead file (team_members) with one valid record per id, scores 0/0 so they sort after every other lead. */
    private static byte[] leadFile(List<Long> ids) {
        List<Map<String, Object>> records = ids.stream().map(id -> Map.<String, Object>of("telegram_id", id,
                "name", "Fault lead " + id, "profile_type", "hustler", "supervisor_score", 0, "hustler_score", 0,
                "sample_messages", List.of("raid done, screenshots posted")))
                .toList();
        try {
            return Api.JSON.writeValueAsBytes(Map.of("team_members", records));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sleepAWhile() {
        Proc.sleep(1_000);
        return true;
    }

    /** A group-less consumer of outreach.lead-upserts at its end, with the given isolation level. */
    private KafkaConsumer<String, String> topicWatcher(String isolation) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor("outreach.lead-upserts", Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before anything is published
        return consumer;
    }

    private static int countImport(Iterable<ConsumerRecord<String, String>> records, String importId) {
        int n = 0;
        for (ConsumerRecord<String, String> r : records) {
            if (r.value() != null && r.value().contains("\"import_id\":\"" + importId + "\"")) {
                n++;
            }
        }
        return n;
    }

    private int queueTotal(Api api) {
        Answer a = api.get(stack.port(OUTREACH_API), "/api/outreach/queue?limit=1");
        return a.status() == 200 ? a.get("total_count").asInt() : -1;
    }

    /** Every pending lead's telegram_id, page by page (100 a page), in queue order. */
    private List<Long> queueTelegramIds(Api api) {
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            Answer page = api.get(stack.port(OUTREACH_API), "/api/outreach/queue?limit=100&offset=" + offset);
            assertEquals(200, page.status(), page::toString);
            page.get("contacts").forEach(c -> ids.add(c.path("telegram_id").asLong()));
            if (page.get("contacts").size() < 100) {
                return ids;
            }
        }
    }

    /** A reply node starts with sentiment "unknown" and no intent until message-generator's label is stored. */
    private static boolean labelled(JsonNode conversation) {
        return conversation.path("intent").isTextual() && !"unknown".equals(conversation.path("sentiment").asText());
    }

    private static Optional<JsonNode> contact(Answer queue, long telegramId) {
        return find(queue.get("contacts"), c -> c.path("telegram_id").asLong() == telegramId);
    }

    private static Optional<JsonNode> conversation(Answer list, String conversationId) {
        return find(list.get("conversations"), c -> conversationId.equals(c.path("conversation_id").asText()));
    }

    private static Optional<JsonNode> session(Answer list, String sessionId) {
        return find(list.get("sessions"), s -> sessionId.equals(s.path("session_id").asText()));
    }

    private static Optional<JsonNode> find(JsonNode array, Predicate<JsonNode> match) {
        return StreamSupport.stream(array.spliterator(), false).filter(match).findFirst();
    }

    /** Polls until {@code done} holds; the last answer is in the failure message. */
    private static Answer until(String what, Supplier<Answer> call, Predicate<Answer> done) {
        long deadline = System.currentTimeMillis() + WAIT;
        Answer last = null;
        while (System.currentTimeMillis() < deadline) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Proc.sleep(250);
        }
        return fail("timed out after " + WAIT + " ms waiting for " + what + "; last answer: " + last);
    }
}
