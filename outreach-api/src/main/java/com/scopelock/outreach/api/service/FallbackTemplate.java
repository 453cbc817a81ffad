package com.scopelock.outreach.api.service;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The generic first message of the original design, used when message-generator does not answer in time.
 * Same rules as the generator's template: {@code {name}} (flattened, "(labels)" removed, replaced by a neutral
 * word when it would carry a link/handle/number) and {@code {profile_type}} (through the profile labels).
 */
public final class FallbackTemplate {
    private static final Set<String> PROFILE_TYPES = Set.of("supervisor", "hustler", "both", "unknown");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");
    private static final int MAX_NAME = 64;

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

    public String render(String leadName, String profileType) {
        String profile = profileType == null ? "" : profileType.strip().toLowerCase(Locale.ROOT);
        profile = PROFILE_TYPES.contains(profile) ? profile : "unknown";
        String label = profileLabels.getOrDefault(profile, profile);
        String name = flatten(leadName).replaceAll("\\s*\\([^)]*\\)\\s*", " ").strip();
        String filled = fill(name.isEmpty() ? nameWhenMissing : name, label);
        if (!validator.validate(filled, text).valid()) {
            filled = fill(nameWhenMissing, label);
        }
        return filled;
    }

    private static String flatten(String value) {
        if (value == null) {
            return "";
        }
        String flat = INVISIBLE.matcher(value).replaceAll(" ").replace('<', '‹').replace('>', '›')
                .replaceAll(" {2,}", " ").strip();
        if (flat.codePointCount(0, flat.length()) > MAX_NAME) {
            flat = flat.substring(0, flat.offsetByCodePoints(0, MAX_NAME)).strip();
        }
        return flat;
    }

    private String fill(String name, String profile) {
        return text.replace("{name}", name).replace("{profile_type}", profile).strip();
    }
}
