package com.scopelock.outreach.generator.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * Generation time, fallbacks by reason, CLI queue depth and active runs, reply labels by source, and the CLI's
 * state (one gauge per state, 1 for the current one).
 */
public final class GeneratorMetrics {
    private final MeterRegistry registry;

    public GeneratorMetrics(MeterRegistry registry, ClaudeCliClient cli) {
        this.registry = registry;
        Gauge.builder("generator.cli.queue.depth", cli, ClaudeCliClient::queueDepth)
                .description("Claude CLI runs waiting for a slot").register(registry);
        Gauge.builder("generator.cli.active", cli, ClaudeCliClient::activeRuns)
                .description("Claude CLI runs in progress").register(registry);
    }

    /** {@code generator_cli_state{state="ready"|"not_installed"|"not_logged_in"|"error"|"unknown"}}. */
    public void cliState(ClaudeCliStatusProbe probe) {
        for (CliState state : CliState.values()) {
            Gauge.builder("generator.cli.state", probe, p -> p.current().state() == state ? 1 : 0)
                    .description("1 for the Claude CLI's current state (claude auth status), 0 for the others")
                    .tag("state", state.tag()).strongReference(true).register(registry);
        }
    }

    public void generated(String generatedBy, long durationMs) {
        Timer.builder("generator.generation")
                .description("time from request to answer")
                .tag("generated_by", generatedBy)
                .publishPercentiles(0.5, 0.95)
                .register(registry)
                .record(Duration.ofMillis(durationMs));
    }

    public void fallback(FallbackReason reason) {
        Counter.builder("generator.fallbacks").description("generic template used instead of Maya")
                .tag("reason", reason.tag()).register(registry).increment();
    }

    public void skipped(String reason) {
        Counter.builder("generator.requests.skipped").tag("reason", reason).register(registry).increment();
    }

    public void labeled(String labeledBy) {
        Counter.builder("generator.reply.labels").tag("labeled_by", labeledBy).register(registry).increment();
    }

    /** Why the template was used. */
    public enum FallbackReason {
        TIMEOUT("timeout"), CLI_FAILED("cli_failed"), INVALID_OUTPUT("invalid_output"), BUSY("busy"),
        ERROR("error");

        private final String tag;

        FallbackReason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }
}
