package com.scopelock.outreach.generator.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds the real services around a fake CLI, the way ServiceProducers does with the defaults. */
final class Services {
    static final String TEMPLATE = "Hey {name}, came across your profile and noticed your {profile_type} skills. "
            + "We're ScopeLock – an AI-human agency helping junior developers build real projects with AI guidance. "
            + "Interested in hearing more about joining our team? Let me know!";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ClaudeCliClient cli;
    final GeneratorMetrics metrics;
    final PromptBuilder prompts = new PromptBuilder(new PromptSettings("Maya",
            "ScopeLock – an AI-human agency helping junior developers build real client projects with AI guidance.",
            "Interested in hearing more?", 500), new DataFence());
    final MessageValidator validator = new MessageValidator(500);

    Services(List<String> command, Duration timeout, int slots, int queue) {
        this.cli = new ClaudeCliClient(new CliSettings(command, timeout, slots, queue, 65536, 4096));
        this.metrics = new GeneratorMetrics(registry, cli);
    }

    MessageGenerationService generation(Duration budget) {
        return new MessageGenerationService(cli, new HookSelector(), prompts, validator,
                new FallbackTemplate(TEMPLATE, Map.of("both", "leadership and hustle", "unknown", "community"),
                        "there", validator),
                metrics, new GenerationSettings(budget, Duration.ofSeconds(2), true, 100), Clock.systemUTC());
    }

    ReplyLabelService labels(boolean useCli) {
        return new ReplyLabelService(cli, prompts, new LabelParser(), new RuleBasedLabeler(), metrics, useCli,
                Duration.ofSeconds(5), 2000, Clock.systemUTC());
    }

    double fallbacks(String reason) {
        var counter = registry.find("generator.fallbacks").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
