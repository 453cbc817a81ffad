package com.scopelock.outreach.replymonitor.support;

import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.replymonitor.service.KafkaConnection;
import com.scopelock.outreach.replymonitor.service.MonitorSettings;
import com.scopelock.outreach.replymonitor.service.ReplyMonitor;
import com.scopelock.outreach.replymonitor.service.SessionManager;
import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.session.SessionSealer;
import com.scopelock.outreach.telegram.sim.SimulatedModeGuard;
import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A SIMULATED Telegram world in a temp dir, a real Kafka broker, a test keyset, and monitors built from the service
 * classes (so one JVM can run several replicas).
 */
public final class MonitorFixture implements AutoCloseable {
    public final Path world;
    public final SimulatedTelegramControl control;
    public final TelegramClientFactory telegram;
    public final SessionSealer sealer = SessionSealer.fromKeyset(SessionSealer.newKeyset());
    public final String bootstrap = SharedKafka.bootstrap();
    public final TestKafka kafka;
    public final Path workDir;

    public MonitorFixture() throws Exception {
        world = Files.createTempDirectory("rm-sim-world-");
        workDir = Files.createTempDirectory("rm-work-");
        control = new SimulatedTelegramControl(world);
        telegram = TelegramClientFactory.simulated(world, Duration.ofSeconds(5), Duration.ofMillis(20),
                SimulatedModeGuard.consent("test", true));
        kafka = new TestKafka(bootstrap, Topics.REPLIES, Topics.SENT_DETECTIONS, Topics.SESSION_STATUS,
                Topics.SESSION_GRANTS);
    }

    public MonitorSettings settings(String group, boolean realtime, Duration reconcile, double requestsPerSecond) {
        return new MonitorSettings(KafkaConnection.to(bootstrap), group, realtime, reconcile, Duration.ofMinutes(15), Duration.ofHours(2),
                100, requestsPerSecond, 1, 50, 20, 0.85,
                Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(5),
                workDir, 1, "simulated-test-hash", false);
    }

    public ReplyMonitor monitor(MonitorSettings settings, SessionManager.OwnershipListener ownership) {
        return new ReplyMonitor(settings, telegram, sealer, new SimpleMeterRegistry(), ownership).start();
    }

    /** A monitor whose schedule, backoffs and request budget run on {@code clock}. */
    public ReplyMonitor monitor(MonitorSettings settings, java.time.Clock clock) {
        return new ReplyMonitor(settings, telegram, sealer, new SimpleMeterRegistry(),
                SessionManager.OwnershipListener.NONE, clock).start();
    }

    /** A watch for a lead whose chat does not exist yet: a generated draft nobody has sent. */
    public WatchRequested draftWatch(SimGrants.Account account, long leadUserId, String outreachText) {
        WatchRequested watch = WatchRequested.of(account.owner(), leadUserId, "lead-" + leadUserId, unique("msg"),
                outreachText, null, Instant.now());
        kafka.send(Topics.WATCH, watch.key(), watch);
        return watch;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public SimGrants.Account account(String owner) {
        return SimGrants.account(control, owner);
    }

    /** QR login + seal + publish on telegram.session-grants. */
    public SessionGranted grant(SimGrants.Account account) throws Exception {
        SessionGranted grant = SimGrants.login(telegram, control, sealer, account,
                unique("telegram-session-" + account.owner()));
        kafka.send(Topics.SESSION_GRANTS, grant.key(), grant);
        return grant;
    }

    /** The lead writes first (so the chat exists); the watch starts after that message. */
    public WatchRequested watch(SimGrants.Account account, String leadUsername, String outreachText) {
        var first = control.leadWrites(account.phone(), leadUsername, "Lead", "hello from an old chat");
        WatchRequested watch = WatchRequested.of(account.owner(), first.chatId(), "lead-" + leadUsername,
                unique("msg"), outreachText, first.messageId(), Instant.now());
        kafka.send(Topics.WATCH, watch.key(), watch);
        return watch;
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        kafka.close();
        telegram.close();
    }
}
