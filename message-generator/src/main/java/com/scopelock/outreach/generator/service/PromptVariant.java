package com.scopelock.outreach.generator.service;

import java.util.Locale;
import java.util.Map;

/**
 * One prompt variant of the A/B experiment: the pitch, tone and length the prompt asks for and how the hook is
 * chosen. {@code pitch} null = the configured pitch.
 */
public record PromptVariant(String name, String pitch, String tone, int length, HookStrategy hookStrategy) {
    /** The variant of every lead while no experiment runs: the prompt as it was before variants. */
    public static final String DEFAULT = "default";
    static final String DEFAULT_TONE = "conversational and friendly";

    public enum HookStrategy {
        /** The hook selector's pick among the lead's messages. */
        BEST,
        /** No hook: the message is written from the profile. */
        NONE;

        public static HookStrategy of(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hook strategy must be best or none, got '" + name + "'");
            }
        }
    }

    /** The stock variants, used for any field a variant's configuration leaves out. */
    static final Map<String, PromptVariant> STOCK = Map.of(
            "concise", new PromptVariant("concise", null, "brief and direct, one idea per sentence", 280, HookStrategy.BEST),
            "warm", new PromptVariant("warm", null, "warm and curious, as one community member to another", 450,
                    HookStrategy.BEST),
            "profile", new PromptVariant("profile", null, DEFAULT_TONE, 400, HookStrategy.NONE));

    public static PromptVariant plain(int maxChars) {
        return new PromptVariant(DEFAULT, null, DEFAULT_TONE, maxChars, HookStrategy.BEST);
    }
}
