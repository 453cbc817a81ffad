package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.config.GeneratorConfig;

import java.time.Duration;

/** Budget and retry policy of one generation. */
public record GenerationSettings(Duration totalBudget, Duration minRetryBudget, boolean retryInvalidOutput,
                                 int answerCacheSize) {

    public static GenerationSettings from(GeneratorConfig config) {
        return new GenerationSettings(config.message().totalBudget(), config.message().minRetryBudget(),
                config.message().retryInvalidOutput(), config.answerCacheSize());
    }
}
