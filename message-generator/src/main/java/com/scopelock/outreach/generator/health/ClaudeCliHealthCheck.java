package com.scopelock.outreach.generator.health;

import com.scopelock.outreach.generator.service.ClaudeCliClient;
import com.scopelock.outreach.generator.service.ClaudeCliStatusProbe;
import com.scopelock.outreach.generator.service.CliStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the Claude CLI's state (the last {@code claude auth status}, refreshed in the background) and the slot
 * usage. Always UP: without the CLI every request is still answered with the template, so the pod must stay in
 * service — {@code mode} says {@code templates_only} then. Kafka readiness comes from SmallRye Reactive
 * Messaging's own check.
 */
@Readiness
@ApplicationScoped
public class ClaudeCliHealthCheck implements HealthCheck {
    private final ClaudeCliClient cli;
    private final ClaudeCliStatusProbe status;

    public ClaudeCliHealthCheck(ClaudeCliClient cli, ClaudeCliStatusProbe status) {
        this.cli = cli;
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        CliStatus current = status.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("claude-cli").up()
                .withData("state", current.state().tag())
                .withData("mode", current.templatesOnly() ? "templates_only" : "claude")
                .withData("detail", current.summary())
                .withData("active_runs", cli.activeRuns())
                .withData("queue_depth", cli.queueDepth());
        if (current.authMethod() != null) {
            response.withData("auth_method", current.authMethod());
        }
        if (current.checkedAt() != null) {
            response.withData("checked_at", current.checkedAt().toString());
        }
        return response.build();
    }
}
