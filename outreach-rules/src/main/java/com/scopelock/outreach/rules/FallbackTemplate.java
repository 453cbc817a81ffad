package com.scopelock.outreach.rules;

import java.util.HashMap;
import java.util.Map;

/**
 * The generic first message of the original design, with {@code {name}} and {@code {profile_type}} filled in.
 * The name is lead data: it is flattened, stripped of "(labels)", capped, and replaced by a neutral word if the
 * result would not pass the {@link MessageValidator} (a name such as "@pump_signals_bot" or "t.me/x").
 */
public final class FallbackTemplate {
    private static final int MAX_NAME = 64;

    private final String text;
    private final Map<String, String> profileLabels;
    private final String nameWhenMissing;
    private final MessageValidator validator;

    /** @param profileLabels words for {@code {profile_type}}; unset ones fall back to {@link Vocabulary#PROFILE_LABELS} */
    public FallbackTemplate(String text, Map<String, String> profileLabels, String nameWhenMissing,
                            MessageValidator validator) {
        this.text = text;
        Map<String, String> labels = new HashMap<>(Vocabulary.PROFILE_LABELS);
        labels.putAll(profileLabels);
        this.profileLabels = Map.copyOf(labels);
        this.nameWhenMissing = nameWhenMissing;
        this.validator = validator;
    }

    public String text() {
        return text;
    }

    public String render(String leadName, String profileType) {
        String profile = Vocabulary.profileType(profileType);
        String label = profileLabels.getOrDefault(profile, profile);
        String name = Text.withoutParentheses(Text.cut(leadName, MAX_NAME));
        String filled = fill(name.isEmpty() ? nameWhenMissing : name, label);
        if (!validator.validate(filled).valid()) {
            filled = fill(nameWhenMissing, label);
        }
        return filled;
    }

    private String fill(String name, String profile) {
        return text.replace("{name}", name).replace("{profile_type}", profile).strip();
    }
}
