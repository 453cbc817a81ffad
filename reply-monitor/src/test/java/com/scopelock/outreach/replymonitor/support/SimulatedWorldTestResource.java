package com.scopelock.outreach.replymonitor.support;

import com.scopelock.outreach.telegram.session.SessionSealer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A fresh SIMULATED Telegram world and a test-only sealing keyset for the service under test. */
public class SimulatedWorldTestResource implements QuarkusTestResourceLifecycleManager {
    private static Path world;
    private static String keyset;

    @Override
    public Map<String, String> start() {
        try {
            world = Files.createTempDirectory("rm-quarkus-world-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keyset = SessionSealer.newKeyset();
        return Map.of("telegram.simulated.world-dir", world.toString(), "telegram.sealing.keyset", keyset,
                "reply-monitor.reconcile-interval", "60s", "reply-monitor.heartbeat-interval", "2s");
    }

    public static Path world() {
        return world;
    }

    public static SessionSealer sealer() {
        return SessionSealer.fromKeyset(keyset);
    }

    @Override
    public void stop() {
    }
}
