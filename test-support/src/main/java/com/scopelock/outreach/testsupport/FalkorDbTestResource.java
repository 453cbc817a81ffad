package com.scopelock.outreach.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts a real FalkorDB for a {@code @QuarkusTest} and points the service's Redis client at it. */
public class FalkorDbTestResource implements QuarkusTestResourceLifecycleManager {
    private static FalkorDbProcess db;

    @Override
    public Map<String, String> start() {
        db = FalkorDbProcess.start();
        return Map.of("quarkus.redis.hosts", db.redisUrl());
    }

    public static FalkorDbProcess db() {
        return db;
    }

    /** Kills the running FalkorDB and starts it again on the same port and data with extra redis-server options. */
    public static FalkorDbProcess restart(String... extraArgs) {
        db = db.restart(extraArgs);
        return db;
    }

    @Override
    public void stop() {
        if (db != null) {
            db.close();
        }
    }
}
