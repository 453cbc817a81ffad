package com.scopelock.outreach.replymonitor;

import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.SentDetected;
import com.scopelock.outreach.model.SessionCommand;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.SessionStatusChanged;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.replymonitor.service.ReplyMonitor;
import com.scopelock.outreach.replymonitor.service.SessionManager;
import com.scopelock.outreach.replymonitor.support.MonitorFixture;
import com.scopelock.outreach.replymonitor.support.SimGrants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.scopelock.outreach.replymonitor.support.MonitorFixture.await;
import static com.scopelock.outreach.replymonitor.support.MonitorFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitor's service classes on a REAL Kafka broker and the SIMULATED Telegram (world in a temp dir), with
 * grants sealed by {@code SessionSealer} exactly as the auth service does.
 */
class ReplyMonitorIT {
    private static MonitorFixture fx;
    private final List<ReplyMonitor> monitors = new ArrayList<>();
    private final List<SessionGranted> grants = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        fx = new MonitorFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @AfterEach
    void cleanUp() {
        monitors.forEach(ReplyMonitor::close);
        grants.forEach(g -> fx.kafka.send(Topics.SESSION_GRANTS, g.key(), null)); // later tests do not reopen them
    }

    private ReplyMonitor monitor(boolean realtime, Duration reconcile, double rps) {
        ReplyMonitor m = fx.monitor(fx.settings(unique("rm-it"), realtime, reconcile, rps),
                SessionManager.OwnershipListener.NONE);
        monitors.add(m);
        return m;
    }

    private SessionGranted grant(SimGrants.Account account) throws Exception {
        SessionGranted g = fx.grant(account);
        grants.add(g);
        return g;
    }

    private static List<ReplyDetected> replies(WatchRequested w) {
        return fx.kafka.events(Topics.REPLIES, ReplyDetected.class, r -> r.conversationId().equals(w.conversationId()));
    }

    private static List<SessionStatusChanged> statuses(SessionGranted g) {
        return fx.kafka.events(Topics.SESSION_STATUS, SessionStatusChanged.class,
                s -> s.sessionSlug().equals(g.sessionSlug()));
    }

    private static boolean hasStatus(SessionGranted g, String status) {
        return statuses(g).stream().anyMatch(s -> s.status().equals(status));
    }

    @Test
    void liveReplyOwnFollowUpNotAReplySentDetectedAndNoDuplicates() throws Exception {
        // reconcile every 300 ms as well, so the live path and the poll path both see every message
        ReplyMonitor monitor = monitor(true, Duration.ofMillis(300), 50);
        var account = fx.account(unique("mia"));
        String outreach = "Hi Anna! Loved your post about shipping side projects. We're building a small team — "
                + "would you be up for a quick chat this week?";
        WatchRequested watch = fx.watch(account, unique("anna"), outreach);
        SessionGranted grant = grant(account);
        await("session open", Duration.ofSeconds(20), () -> monitor.openSessions().contains(grant.sessionSlug()));
        await("watch applied", Duration.ofSeconds(10), () -> monitor.chatCount() >= 1);
        assertTrue(hasStatusEventually(grant, SessionStatusChanged.ACTIVE));

        // the member sends the generated text from the phone, lightly edited
        var sent = fx.control.ownerWrites(account.phone(), watch.contactTelegramId(),
                "hi anna, loved your post about shipping side-projects! We are building a small team: would you "
                        + "be up for a quick chat this week");
        await("sent detection", Duration.ofSeconds(10), () -> !fx.kafka.events(Topics.SENT_DETECTIONS,
                SentDetected.class, s -> s.conversationId().equals(watch.conversationId())).isEmpty());
        SentDetected detection = fx.kafka.events(Topics.SENT_DETECTIONS, SentDetected.class,
                s -> s.conversationId().equals(watch.conversationId())).getFirst();
        assertEquals(sent.messageId(), detection.telegramMessageId());
        assertTrue(detection.similarity() >= 0.85, "similarity " + detection.similarity());
        assertEquals(account.owner(), detection.owner());

        long before = System.nanoTime();
        var reply = fx.control.leadWrites(account.phone(), Long.toString(watch.contactTelegramId()), "Anna",
                "Sure, Thursday works!");
        await("reply", Duration.ofSeconds(10), () -> !replies(watch).isEmpty());
        long latencyMs = (System.nanoTime() - before) / 1_000_000;
        System.out.println("[reply-monitor IT] live reply detected and published in " + latencyMs + " ms");

        // the member's own follow-up is neither a reply nor (different text) a sent detection
        fx.control.ownerWrites(account.phone(), watch.contactTelegramId(), "Great, I'll send an invite.");
        Thread.sleep(1500); // several reconcile passes over the same messages
        List<ReplyDetected> all = replies(watch);
        assertEquals(1, all.size(), "exactly one reply event: " + all);
        ReplyDetected r = all.getFirst();
        assertEquals(reply.messageId(), r.telegramMessageId());
        assertEquals("Sure, Thursday works!", r.text());
        assertEquals(watch.contactTelegramId(), r.contactTelegramId());
        assertEquals(account.owner(), r.owner());
        assertEquals(1, fx.kafka.events(Topics.SENT_DETECTIONS, SentDetected.class,
                s -> s.conversationId().equals(watch.conversationId())).size());
        assertTrue(fx.kafka.records(Topics.REPLIES, watch.conversationId()).size() == 1, "key = conversation id");
        assertTrue(monitor.metrics().requests(grant.sessionSlug(), "ok") > 0);
    }

    @Test
    void repliesWhileTheMonitorWasDownAreFoundAfterRestart() throws Exception {
        String group = unique("rm-restart");
        var account = fx.account(unique("leo"));
        WatchRequested watch = fx.watch(account, unique("bob"), "Hey Bob, quick question about your work");
        SessionGranted grant = grant(account);

        ReplyMonitor first = fx.monitor(fx.settings(group, true, Duration.ofSeconds(60), 20),
                SessionManager.OwnershipListener.NONE);
        await("session open", Duration.ofSeconds(20), () -> first.openSessions().contains(grant.sessionSlug()));
        await("watch applied", Duration.ofSeconds(10), () -> first.chatCount() >= 1);
        first.close();
        assertTrue(first.openSessions().isEmpty());
        try (Stream<java.nio.file.Path> left = Files.list(fx.workDir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("rm-session-")),
                    "session directories wiped on close");
        }

        String lead = Long.toString(watch.contactTelegramId());
        var r1 = fx.control.leadWrites(account.phone(), lead, "Bob", "sorry, was away");
        var r2 = fx.control.leadWrites(account.phone(), lead, "Bob", "yes, interested!");
        Thread.sleep(300);
        assertTrue(replies(watch).isEmpty(), "nobody was monitoring");

        // a new replica (same group) reconciles from the watch's from_message_id (nothing was persisted)
        ReplyMonitor second = fx.monitor(fx.settings(group, true, Duration.ofSeconds(60), 20),
                SessionManager.OwnershipListener.NONE);
        monitors.add(second);
        await("both replies found", Duration.ofSeconds(20), () -> replies(watch).size() >= 2);
        assertEquals(List.of(r1.messageId(), r2.messageId()),
                replies(watch).stream().map(ReplyDetected::telegramMessageId).sorted().toList());
        assertTrue(second.openSessions().contains(grant.sessionSlug()));
    }

    @Test
    void revokedSessionIsReportedAndDroppedWithoutRetrying() throws Exception {
        ReplyMonitor monitor = monitor(true, Duration.ofSeconds(1), 20);
        var account = fx.account(unique("rev"));
        fx.watch(account, unique("carol"), "Hello Carol");
        SessionGranted grant = grant(account);
        await("session open", Duration.ofSeconds(20), () -> monitor.openSessions().contains(grant.sessionSlug()));

        fx.control.revokeSessions(account.phone()); // "Terminate session" on the phone
        await("status revoked", Duration.ofSeconds(10), () -> hasStatus(grant, SessionStatusChanged.REVOKED));
        await("session dropped", Duration.ofSeconds(10), () -> !monitor.openSessions().contains(grant.sessionSlug()));
        double afterRevocation = monitor.metrics().requests(grant.sessionSlug());
        Thread.sleep(2500); // more than two reconcile intervals: no retry storm
        assertEquals(1, statuses(grant).stream().filter(s -> s.status().equals(SessionStatusChanged.REVOKED))
                .count());
        assertEquals(afterRevocation, monitor.metrics().requests(grant.sessionSlug()),
                "no requests after the revocation");
    }

    @Test
    void floodWaitPausesOnlyThatAccount() throws Exception {
        // polling only, every 300 ms: every detection needs a getChatHistory request
        ReplyMonitor monitor = monitor(false, Duration.ofMillis(300), 20);
        var slow = fx.account(unique("flood"));
        var fine = fx.account(unique("calm"));
        WatchRequested slowWatch = fx.watch(slow, unique("dan"), "Hi Dan");
        WatchRequested fineWatch = fx.watch(fine, unique("eve"), "Hi Eve");
        SessionGranted slowGrant = grant(slow);
        SessionGranted fineGrant = grant(fine);
        await("sessions open", Duration.ofSeconds(20), () -> monitor.openSessions()
                .containsAll(List.of(slowGrant.sessionSlug(), fineGrant.sessionSlug())));
        Thread.sleep(500);

        fx.control.floodWait(slow.phone(), Duration.ofSeconds(3));
        long floodStart = System.nanoTime();
        fx.control.leadWrites(slow.phone(), Long.toString(slowWatch.contactTelegramId()), "Dan", "hey!");
        fx.control.leadWrites(fine.phone(), Long.toString(fineWatch.contactTelegramId()), "Eve", "hello!");

        await("flood_wait status", Duration.ofSeconds(5), () -> hasStatus(slowGrant, SessionStatusChanged.FLOOD_WAIT));
        await("other account's reply", Duration.ofSeconds(3), () -> !replies(fineWatch).isEmpty());
        assertTrue(replies(slowWatch).isEmpty(), "flooded account is paused");
        double requestsDuringFlood = monitor.metrics().requests(slowGrant.sessionSlug());
        Thread.sleep(1500);
        assertEquals(requestsDuringFlood, monitor.metrics().requests(slowGrant.sessionSlug()),
                "no requests for the paused account while FLOOD_WAIT lasts");
        assertTrue(replies(slowWatch).isEmpty());

        await("flooded account resumes", Duration.ofSeconds(10), () -> !replies(slowWatch).isEmpty());
        long waitedMs = (System.nanoTime() - floodStart) / 1_000_000;
        assertTrue(waitedMs >= 2500, "resumed only after the FLOOD_WAIT: " + waitedMs + " ms");
        await("active again", Duration.ofSeconds(5), () -> statuses(slowGrant).getLast().status()
                .equals(SessionStatusChanged.ACTIVE));
        assertTrue(monitor.openSessions().contains(fineGrant.sessionSlug()));
    }

    @Test
    void disconnectCommandLogsOutReportsAndTombstonesTheGrant() throws Exception {
        ReplyMonitor monitor = monitor(true, Duration.ofSeconds(60), 20);
        var account = fx.account(unique("bye"));
        SessionGranted grant = grant(account);
        await("session open", Duration.ofSeconds(20), () -> monitor.openSessions().contains(grant.sessionSlug()));
        assertEquals(1, fx.control.sessions(account.phone()).stream().filter(s -> !s.revoked()).count());

        fx.kafka.send(Topics.SESSION_COMMANDS, grant.key(),
                SessionCommand.disconnect(account.owner(), grant.sessionSlug(), java.time.Instant.now()));
        await("logged_out", Duration.ofSeconds(10), () -> hasStatus(grant, SessionStatusChanged.LOGGED_OUT));
        await("tombstone", Duration.ofSeconds(10), () -> fx.kafka.records(Topics.SESSION_GRANTS, grant.key())
                .stream().anyMatch(r -> r.value() == null));
        assertTrue(monitor.openSessions().isEmpty() || !monitor.openSessions().contains(grant.sessionSlug()));
        assertTrue(fx.control.sessions(account.phone()).stream().allMatch(s -> s.revoked()),
                "logged out on Telegram's side");
        assertTrue(statuses(grant).stream().noneMatch(s -> s.status().equals(SessionStatusChanged.REVOKED)),
                "a requested log-out is not reported as revoked");
    }

    private static boolean hasStatusEventually(SessionGranted g, String status) throws InterruptedException {
        await("status " + status, Duration.ofSeconds(10), () -> hasStatus(g, status));
        return true;
    }
}
