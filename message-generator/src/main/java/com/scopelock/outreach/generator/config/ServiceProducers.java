package com.scopelock.outreach.generator.config;

import com.scopelock.outreach.generator.service.CliSettings;
import com.scopelock.outreach.generator.service.ClaudeCliClient;
import com.scopelock.outreach.generator.service.ClaudeCliStatusProbe;
import com.scopelock.outreach.generator.service.DataFence;
import com.scopelock.outreach.generator.service.GenerationSettings;
import com.scopelock.outreach.generator.service.GeneratorMetrics;
import com.scopelock.outreach.generator.service.HookSelector;
import com.scopelock.outreach.generator.service.LabelParser;
import com.scopelock.outreach.generator.service.MessageGenerationService;
import com.scopelock.outreach.generator.service.PromptBuilder;
import com.scopelock.outreach.generator.service.PromptSettings;
import com.scopelock.outreach.generator.service.ReplyLabelService;
import com.scopelock.outreach.generator.service.RuleBasedLabeler;
import com.scopelock.outreach.generator.service.VariantAssigner;
import com.scopelock.outreach.rules.FallbackTemplate;
import com.scopelock.outreach.rules.MessageValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** Builds the plain service classes from {@link GeneratorConfig}; they stay free of CDI so tests build them directly. */
@Singleton
public class ServiceProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ClaudeCliClient cliClient(GeneratorConfig config) {
        return new ClaudeCliClient(CliSettings.from(config.cli()));
    }

    void closeCli(@Disposes ClaudeCliClient cli) {
        cli.close();
    }

    @Produces
    @Singleton
    ClaudeCliStatusProbe cliStatus(ClaudeCliClient cli, Clock clock) {
        return new ClaudeCliStatusProbe(cli.settings(), clock);
    }

    /** Created at start, so the gauges (CLI state, queue) exist before the first request. */
    @Produces
    @Singleton
    @Startup
    GeneratorMetrics metrics(MeterRegistry registry, ClaudeCliClient cli, ClaudeCliStatusProbe cliStatus) {
        GeneratorMetrics metrics = new GeneratorMetrics(registry, cli);
        metrics.cliState(cliStatus);
        return metrics;
    }

    @Produces
    @Singleton
    MessageValidator validator(GeneratorConfig config) {
        // only the team's own texts: links and handles in lead data (which the prompt carries) are never allowed
        return new MessageValidator(config.message().maxChars(), List.of(config.message().pitch(),
                config.message().callToActionExample(), config.template().text()));
    }

    @Produces
    @Singleton
    PromptBuilder prompts(GeneratorConfig config) {
        return new PromptBuilder(PromptSettings.from(config.message()), new DataFence());
    }

    @Produces
    @Singleton
    MessageGenerationService generation(GeneratorConfig config, ClaudeCliClient cli, PromptBuilder prompts,
                                        MessageValidator validator, GeneratorMetrics metrics, Clock clock) {
        return new MessageGenerationService(cli, new HookSelector(), prompts, validator,
                new FallbackTemplate(config.template().text(), config.template().profileLabels(),
                        config.template().nameWhenMissing(), validator), metrics, GenerationSettings.from(config),
                VariantAssigner.from(config), clock);
    }

    @Produces
    @Singleton
    ReplyLabelService labels(GeneratorConfig config, ClaudeCliClient cli, PromptBuilder prompts,
                             GeneratorMetrics metrics, Clock clock) {
        return new ReplyLabelService(cli, prompts, new LabelParser(), new RuleBasedLabeler(), metrics,
                config.labels().useCli(), config.labels().timeout(), config.labels().maxReplyChars(), clock);
    }
}
