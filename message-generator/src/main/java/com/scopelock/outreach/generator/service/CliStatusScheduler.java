package com.scopelock.outreach.generator.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Asks the Claude CLI for its login state right after start and then every {@code generator.cli.status-refresh}. */
@ApplicationScoped
public class CliStatusScheduler {
    private final ClaudeCliStatusProbe probe;

    public CliStatusScheduler(ClaudeCliStatusProbe probe) {
        this.probe = probe;
    }

    @Scheduled(identity = "claude-cli-status", every = "${generator.cli.status-refresh:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        probe.refresh();
    }
}
