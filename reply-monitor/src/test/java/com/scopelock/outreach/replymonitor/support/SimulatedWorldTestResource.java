package com.scopelock.outreach.replymonitor.support;

import com.scopelock.outreach.testsupport.TempDirs;
import com.scopelock.outreach.telegram.session.SessionSealer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/** A fresh SIMULATED Telegram world and a test-only sealing keyset for the service under test. */
public class SimulatedWorldTestResource implements QuarkusTestResourceLifecycleManager {
    private static Path world;
    private static String keyset;

    @Override
    public Map<String, String> start() {
        world = TempDirs.create("rm-quarkus-world-");
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
        TempDirs.delete(world);
    }
}
