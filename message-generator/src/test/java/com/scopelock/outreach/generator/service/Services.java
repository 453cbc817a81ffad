package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.rules.Defaults;
import com.scopelock.outreach.rules.FallbackTemplate;
import com.scopelock.outreach.rules.MessageValidator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds the real services around a fake CLI, the way ServiceProducers does with the defaults. */
final class Services {
    static final String PITCH =
            "ScopeLock – an AI-human agency helping junior developers build real client projects with AI guidance.";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ClaudeCliClient cli;
    final GeneratorMetrics metrics;
    final PromptBuilder prompts = new PromptBuilder(new PromptSettings("Maya", PITCH,
            "Interested in hearing more?", 500), new DataFence());
    final MessageValidator validator = new MessageValidator(500, List.of(PITCH, Defaults.TEMPLATE));

    Services(List<String> command, Duration timeout, int slots, int queue) {
        this.cli = new ClaudeCliClient(new CliSettings(command, timeout, slots, queue, 65536, 4096));
        this.metrics = new GeneratorMetrics(registry, cli);
    }

    /** The stock variants concise and warm in experiment {@link #EXPERIMENT}. */
    static final String EXPERIMENT = "test-experiment";
    static final VariantAssigner STOCK = new VariantAssigner(EXPERIMENT,
            List.of(PromptVariant.STOCK.get("concise"), PromptVariant.STOCK.get("warm")), PromptVariant.plain(500));

    MessageGenerationService generation(Duration budget) {
        return generation(budget, STOCK);
    }

    MessageGenerationService generation(Duration budget, VariantAssigner variants) {
        return new MessageGenerationService(cli, new HookSelector(), prompts, validator,
                new FallbackTemplate(Defaults.TEMPLATE, Map.of(), "there", validator),
                metrics, new GenerationSettings(budget, Duration.ofSeconds(2), true, 100), variants, Clock.systemUTC());
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
