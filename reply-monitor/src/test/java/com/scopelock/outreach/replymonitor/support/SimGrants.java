package com.scopelock.outreach.replymonitor.support;

import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.Secret;
import com.scopelock.outreach.telegram.api.TdlibParameters;
import com.scopelock.outreach.telegram.api.TelegramClient;
import com.scopelock.outreach.telegram.session.SessionArchive;
import com.scopelock.outreach.telegram.session.SessionSealer;
import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Makes a real grant the way telegram-auth-service does, against the SIMULATED Telegram: a QR login in a fresh
 * database directory (scanned through the control API), close, pack the directory (SessionArchive), seal it for owner + slug.
 */
public final class SimGrants {
    private static final java.util.concurrent.atomic.AtomicLong PHONES =
            new java.util.concurrent.atomic.AtomicLong(1_000_000 + System.nanoTime() % 1_000_000);

    private SimGrants() {
    }

    public record Account(String phone, long userId, String owner) {
    }

    public static Account account(SimulatedTelegramControl control, String owner) {
        String phone = "+1555" + PHONES.incrementAndGet();
        long id = control.addAccount(phone, owner, "Member", owner.replace('-', '_'));
        return new Account(phone, id, owner);
    }

    public static SessionGranted login(TelegramClientFactory telegram, SimulatedTelegramControl control,
                                       SessionSealer sealer, Account account, String slug) throws Exception {
        Path dir = Files.createTempDirectory("auth-login-");
        try {
            TelegramClient client = telegram.newClient(u -> { });
            try {
                client.open(TdlibParameters.of(dir, 1, Secret.of("simulated-test-hash")), Duration.ofSeconds(10))
                        .get();
                client.requestQrCodeAuthentication().get();
                var qr = (AuthorizationState.WaitOtherDeviceConfirmation) client.awaitAuthorizationState(
                        s -> s instanceof AuthorizationState.WaitOtherDeviceConfirmation, Duration.ofSeconds(10)).get();
                control.scan(qr.link(), account.phone());
                client.awaitAuthorizationState(s -> s instanceof AuthorizationState.Ready, Duration.ofSeconds(10))
                        .get();
            } finally {
                client.close();
            }
            SessionSealer.Sealed sealed = sealer.seal(SessionArchive.pack(dir), account.owner(), slug);
            return SessionGranted.of(account.owner(), slug, account.userId(), sealed.base64(), sealed.keyId(), true,
                    Instant.now());
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
