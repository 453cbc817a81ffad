package com.scopelock.outreach.auth.telegram;

import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.Secret;
import com.scopelock.outreach.telegram.api.TdlibParameters;
import com.scopelock.outreach.telegram.sim.SimulatedModeGuard;
import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login state machine (one handler per authorization state) against the simulated Telegram. */
class QrLoginTest {
    private static final Duration T = Duration.ofSeconds(10);
    @TempDir
    static Path tmp;
    static TelegramClientFactory telegram;
    static SimulatedTelegramControl control;

    @BeforeAll
    static void simulator() {
        Path world = tmp.resolve("world");
        // needs TELEGRAM_SIMULATED_I_UNDERSTAND=true, set by the surefire configuration of this module
        telegram = TelegramClientFactory.simulated(world, T, Duration.ofMillis(50),
                SimulatedModeGuard.consent("test", "true".equals(System.getenv(SimulatedModeGuard.ENV_FLAG))));
        control = new SimulatedTelegramControl(world);
        control.setQrRotation(Duration.ofMillis(700));
    }

    @AfterAll
    static void close() {
        telegram.close();
    }

    /** Records what the login reports. */
    static final class Recorder implements QrLogin.Events {
        final List<String> links = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> hint = new CompletableFuture<>();
        final CompletableFuture<QrLogin> ready = new CompletableFuture<>();
        final CompletableFuture<String> failed = new CompletableFuture<>();

        @Override
        public void qrLink(QrLogin login, String link, int version) {
            assertEquals(links.size() + 1, version);
            links.add(link);
        }

        @Override
        public void passwordRequired(QrLogin login, String h, int attemptsLeft) {
            hint.complete(h);
        }

        @Override
        public void ready(QrLogin login) {
            ready.complete(login);
        }

        @Override
        public void failed(QrLogin login, String reason) {
            failed.complete(reason);
        }
    }

    private QrLogin start(String name, Recorder events, int attempts) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        return QrLogin.start(telegram, "tok-" + name + "-0123456789", name, TdlibParameters.of(dir, 1,
                Secret.of("hash")), attempts, events);
    }

    @Test
    void qrRotationScanPasswordRetryAndReady() throws Exception {
        control.addAccount("+15550000001", "Pat", "Two", "pat_two");
        control.setPassword("+15550000001", "s3cret-pw", "pet + year");
        Recorder events = new Recorder();
        QrLogin login = start("pat", events, 3);
        String first = login.awaitFirstLink(T);
        assertTrue(first.startsWith("tg://login?token="), first);
        assertEquals(QrLogin.Phase.WAITING_SCAN, login.phase());
        assertTrue(login.simulated());
        assertTrue(login.label().contains("SIMULATED"));

        // the link rotates: the handler reports each new one once, with increasing versions
        long deadline = System.nanoTime() + T.toNanos();
        while (events.links.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(events.links.size() >= 2, "rotated: " + events.links);
        assertNotEquals(events.links.get(0), events.links.get(1));

        control.scan(login.link(), "+15550000001");
        assertEquals("pet + year", events.hint.get(10, TimeUnit.SECONDS));
        assertEquals(QrLogin.Phase.WAITING_PASSWORD, login.phase());

        assertEquals(new QrLogin.PasswordResult.Wrong(2), login.checkPassword(Secret.of("nope"), T));
        assertEquals(QrLogin.Phase.WAITING_PASSWORD, login.phase());
        assertInstanceOf(QrLogin.PasswordResult.Accepted.class, login.checkPassword(Secret.of("s3cret-pw"), T));
        assertEquals(login, events.ready.get(10, TimeUnit.SECONDS));
        assertEquals(QrLogin.Phase.AUTHORIZING, login.phase());
        assertInstanceOf(AuthorizationState.Ready.class, login.client().authorizationState());
        login.close();
        assertTrue(Files.exists(tmp.resolve("pat").resolve("simulated-telegram-session.json")),
                "the database directory holds the session");
        assertTrue(!events.failed.isDone(), "closing after ready is not a failure");
    }

    @Test
    void withoutTwoStepVerificationScanGoesStraightToReady() throws Exception {
        control.addAccount("+15550000002", "Nia", "NoPw", "nia");
        Recorder events = new Recorder();
        QrLogin login = start("nia", events, 3);
        control.scan(login.awaitFirstLink(T), "+15550000002");
        events.ready.get(10, TimeUnit.SECONDS);
        assertTrue(!events.hint.isDone());
        assertInstanceOf(QrLogin.PasswordResult.NotWaiting.class, login.checkPassword(Secret.of("x"), T));
        login.close();
    }

    @Test
    void tooManyWrongPasswordsEndTheLogin() throws Exception {
        control.addAccount("+15550000003", "Eve", "Guess", "eve");
        control.setPassword("+15550000003", "right", "");
        Recorder events = new Recorder();
        QrLogin login = start("eve", events, 2);
        control.scan(login.awaitFirstLink(T), "+15550000003");
        events.hint.get(10, TimeUnit.SECONDS);
        assertEquals(new QrLogin.PasswordResult.Wrong(1), login.checkPassword(Secret.of("a"), T));
        assertInstanceOf(QrLogin.PasswordResult.Exhausted.class, login.checkPassword(Secret.of("b"), T));
        assertEquals("too many wrong passwords", events.failed.get(1, TimeUnit.SECONDS));
        assertEquals(QrLogin.Phase.ENDED, login.phase());
        // the right password no longer helps
        assertInstanceOf(QrLogin.PasswordResult.NotWaiting.class, login.checkPassword(Secret.of("right"), T));
        login.close();
    }

    @Test
    void closingBeforeScanEndsQuietly() throws Exception {
        Recorder events = new Recorder();
        QrLogin login = start("quiet", events, 3);
        login.awaitFirstLink(T);
        login.close();
        Thread.sleep(300);
        assertEquals(QrLogin.Phase.ENDED, login.phase());
        assertTrue(!events.failed.isDone(), "our own close is not reported as a Telegram failure");
        assertTrue(!login.toString().contains("tok-quiet-0123456789"), login.toString());
    }
}
