package com.scopelock.outreach.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where deploy/local/fetch put FalkorDB, the Kafka jars and TDLib ({@code .local-stack} by default). */
public final class StackHome {
    private StackHome() {
    }

    public static Path path() {
        String configured = System.getProperty("outreach.stack.home", System.getenv("OUTREACH_STACK_HOME"));
        Path home = configured != null ? Path.of(configured) : Path.of("..", ".local-stack");
        return home.toAbsolutePath().normalize();
    }

    public static Path require(String relative) {
        Path p = path().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: run deploy/local/fetch first (the README's test command does)");
        }
        return p;
    }
}
