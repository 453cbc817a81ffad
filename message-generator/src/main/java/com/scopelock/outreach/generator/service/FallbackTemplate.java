package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.config.GeneratorConfig;
import com.scopelock.outreach.model.GenerationRequested;

import java.util.Map;

/**
 * The generic message of the original design, from configuration, with {@code {name}} and
 * {@code {profile_type}} filled in. The name is lead data: it is flattened, stripped of "(labels)", and
 * replaced by a neutral word if the result would not pass the {@link MessageValidator}.
 */
public final class FallbackTemplate {
    private final String text;
    private final Map<String, String> profileLabels;
    private final String nameWhenMissing;
    private final MessageValidator validator;

    public FallbackTemplate(String text, Map<String, String> profileLabels, String nameWhenMissing,
                            MessageValidator validator) {
        this.text = text;
        this.profileLabels = Map.copyOf(profileLabels);
        this.nameWhenMissing = nameWhenMissing;
        this.validator = validator;
    }

    public static FallbackTemplate from(GeneratorConfig.Template config, MessageValidator validator) {
        return new FallbackTemplate(config.text(), config.profileLabels(), config.nameWhenMissing(), validator);
    }

    public String render(GenerationRequested lead) {
        String profile = PromptBuilder.profileType(lead.profileType());
        String label = profileLabels.getOrDefault(profile, profile);
        String name = DataFence.neutralise(lead.name(), 64).replaceAll("\\s*\\([^)]*\\)\\s*", " ").strip();
        String filled = fill(name.isEmpty() ? nameWhenMissing : name, label);
        if (!validator.validate(filled, text).valid()) {
            filled = fill(nameWhenMissing, label);
        }
        return filled;
    }

    private String fill(String name, String profile) {
        return text.replace("{name}", name).replace("{profile_type}", profile).strip();
    }
}
