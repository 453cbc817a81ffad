package com.scopelock.outreach.generator.health;

import com.scopelock.outreach.generator.service.ClaudeCliClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reports whether the Claude CLI executable is found, and the slot usage. Always UP: without the CLI every
 * request is still answered (with the template), so the pod must stay in service. Kafka readiness comes from
 * SmallRye Reactive Messaging's own check.
 */
@Readiness
@ApplicationScoped
public class ClaudeCliHealthCheck implements HealthCheck {
    private final ClaudeCliClient cli;

    public ClaudeCliHealthCheck(ClaudeCliClient cli) {
        this.cli = cli;
    }

    @Override
    public HealthCheckResponse call() {
        String executable = cli.settings().command().getFirst();
        return HealthCheckResponse.named("claude-cli").up()
                .withData("executable_found", found(executable))
                .withData("active_runs", cli.activeRuns())
                .withData("queue_depth", cli.queueDepth())
                .build();
    }

    static boolean found(String executable) {
        if (executable.contains("/")) {
            return Files.isExecutable(Path.of(executable));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }
}
