package com.scopelock.outreach.replymonitor;

import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.replymonitor.service.MonitorMetrics;
import com.scopelock.outreach.replymonitor.service.ReplyMonitor;
import com.scopelock.outreach.replymonitor.support.MonitorFixture;
import com.scopelock.outreach.replymonitor.support.MutableClock;
import com.scopelock.outreach.replymonitor.support.SimGrants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.scopelock.outreach.replymonitor.support.MonitorFixture.await;
import static com.scopelock.outreach.replymonitor.support.MonitorFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Watches of generated messages nobody has sent yet (no chat exists): the monitor must not ask Telegram about them.
 * REAL Kafka, SIMULATED Telegram; the monitor's schedule, backoffs and request budget run on a clock the test moves
 * on, so ten minutes (and an hour) of schedule pass in seconds.
 */
class DraftWatchesIT {
    private static MonitorFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new MonitorFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void twentyUnsentDraftsCostAHandfulOfRequestsAndTheFirstReplyIsStillFoundLive() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        // production defaults: reconcile every 60 s, 1 request/s per account, missing chats 15 min .. 2 h
        ReplyMonitor monitor = fx.monitor(fx.settings(unique("rm-drafts"), true, Duration.ofSeconds(60), 1.0),
                clock);
        SessionGranted grant = null;
        try {
            var member = fx.account(unique("dora"));
            var bystander = fx.account(unique("bystander"));
            List<WatchRequested> drafts = new ArrayList<>();
            List<String> usernames = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String username = unique("lead" + i).replace('-', '_');
                usernames.add(username);
                // the lead exists on Telegram (wrote to someone else) but has no chat with the member
                long lead = fx.control.leadWrites(bystander.phone(), username, "Lead", "hi").chatId();
                drafts.add(fx.draftWatch(member, lead, "Hi " + username + ", we are building a small team"));
            }
            grant = fx.grant(member);
            String session = grant.sessionSlug();
            SessionGranted g = grant;
            await("session open", Duration.ofSeconds(20), () -> monitor.openSessions().contains(g.sessionSlug()));
            await("20 drafts watched", Duration.ofSeconds(10), () -> monitor.chatCount() == 20);
            MonitorMetrics metrics = monitor.metrics();

            // ten minutes of the monitor's time, 15 s at a time
            for (int step = 0; step < 40; step++) {
                clock.advance(Duration.ofSeconds(15));
                Thread.sleep(100);
            }
            double inTenMinutes = metrics.requests(session);
            System.out.printf("[reply-monitor IT] 20 unsent drafts, 10 simulated minutes: %.0f TDLib requests "
                            + "(ok %.0f, not_found %.0f, flood_wait %.0f, error %.0f; load average %s)%n", inTenMinutes,
                    metrics.requests(session, "ok"), metrics.requests(session, "not_found"),
                    metrics.requests(session, "flood_wait"), metrics.requests(session, "error"),
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
            assertTrue(inTenMinutes <= 5, "a handful at most, got " + inTenMinutes);
            assertEquals(0, metrics.requests(session, "getChatHistory", null), "no chat of a draft is read");
            assertEquals(0, metrics.requests(session, "not_found"), "nothing asked that cannot be found");

            // the third lead writes first: the chat appears and the reply is detected live
            WatchRequested watch = drafts.get(2);
            long before = System.nanoTime();
            var reply = fx.control.leadWrites(member.phone(), usernames.get(2), "Lead", "Hey, sure, tell me more");
            await("first reply", Duration.ofSeconds(5), () -> !replies(watch).isEmpty());
            long latencyMs = (System.nanoTime() - before) / 1_000_000;
            System.out.printf("[reply-monitor IT] first reply of a former draft detected in %d ms%n", latencyMs);
            assertEquals(reply.messageId(), replies(watch).getFirst().telegramMessageId());
            // ... and from now on its chat is reconciled like any other (one read at once)
            await("chat read", Duration.ofSeconds(5),
                    () -> metrics.requests(session, "getChatHistory", "ok") >= 1);

            // the rest of the first hour: the 19 drafts still cost only the sweeps (at 15 and 45 minutes)
            for (int step = 0; step < 50; step++) {
                clock.advance(Duration.ofMinutes(1));
                Thread.sleep(60);
            }
            double sweeps = metrics.requests(session, "getChats", null);
            System.out.printf("[reply-monitor IT] first simulated hour: %.0f sweeps (getChats), %.0f requests in all%n",
                    sweeps, metrics.requests(session));
            assertTrue(sweeps >= 1 && sweeps <= 3, "a few sweeps an hour, got " + sweeps);
            assertEquals(0, metrics.requests(session, "not_found"));
            assertEquals(1, replies(watch).size());
        } finally {
            monitor.close();
            if (grant != null) {
                fx.kafka.send(Topics.SESSION_GRANTS, grant.key(), null);
            }
        }
    }

    private static List<ReplyDetected> replies(WatchRequested w) {
        return fx.kafka.events(Topics.REPLIES, ReplyDetected.class, r -> r.conversationId().equals(w.conversationId()));
    }
}
