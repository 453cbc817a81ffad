package com.scopelock.outreach.auth;

import com.scopelock.outreach.testsupport.TempDirs;
import com.scopelock.outreach.telegram.session.SessionSealer;
import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.Map;

/**
 * A fresh SIMULATED Telegram world directory and a fresh sealing keyset (test only) for the service under test;
 * tests drive the world with {@link #control()} (as a phone would) and open grants with {@link #sealer()}.
 */
public class SimulatedTelegramTestResource implements QuarkusTestResourceLifecycleManager {
    private static Path world;
    private static String keyset;

    @Override
    public Map<String, String> start() {
        world = TempDirs.create("auth-sim-world-");
        keyset = SessionSealer.newKeyset();
        return Map.of("telegram.simulated.world-dir", world.toString(), "telegram.sealing.keyset", keyset);
    }

    public static SimulatedTelegramControl control() {
        return new SimulatedTelegramControl(world);
    }

    public static SessionSealer sealer() {
        return SessionSealer.fromKeyset(keyset);
    }

    @Override
    public void stop() {
        TempDirs.delete(world);
    }
}
