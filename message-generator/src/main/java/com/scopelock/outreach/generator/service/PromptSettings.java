package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.config.GeneratorConfig;

/** The configurable words of the generation prompt. */
public record PromptSettings(String persona, String pitch, String callToActionExample, int maxChars) {

    public static PromptSettings from(GeneratorConfig.Message message) {
        return new PromptSettings(message.persona(), message.pitch(), message.callToActionExample(),
                message.maxChars());
    }
}
