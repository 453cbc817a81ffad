package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.config.GeneratorConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which prompt variant a lead gets: the first 8 bytes of SHA-256(experiment id, NUL, contact slug) modulo the
 * number of variants — the same lead always gets the same variant in one experiment, on every replica and after
 * restarts, and a new experiment id reshuffles. Off (no experiment), every lead gets the plain prompt.
 */
public final class VariantAssigner {
    private final String experiment;
    private final List<PromptVariant> variants;
    private final PromptVariant plain;

    /** @param experiment null when no experiment runs */
    public VariantAssigner(String experiment, List<PromptVariant> variants, PromptVariant plain) {
        if (experiment != null && variants.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one variant");
        }
        this.experiment = experiment;
        this.variants = List.copyOf(variants);
        this.plain = plain;
    }

    /** The experiment as configured: each listed variant's settings over the stock ones, lengths capped. */
    public static VariantAssigner from(GeneratorConfig config) {
        int maxChars = config.message().maxChars();
        PromptVariant plain = PromptVariant.plain(maxChars);
        GeneratorConfig.Experiment experiment = config.experiment();
        if (!experiment.enabled()) {
            return new VariantAssigner(null, List.of(), plain);
        }
        List<PromptVariant> variants = new ArrayList<>();
        for (String name : experiment.variants()) {
            String key = name.strip();
            if (key.isEmpty() || key.equals(com.scopelock.outreach.model.MessageGenerated.TEMPLATE_VARIANT)) {
                throw new IllegalArgumentException("generator.experiment.variants: '" + key
                        + "' cannot name a prompt variant (empty, or the template's own variant)");
            }
            PromptVariant stock = PromptVariant.STOCK.getOrDefault(key,
                    new PromptVariant(key, null, PromptVariant.DEFAULT_TONE, maxChars, PromptVariant.HookStrategy.BEST));
            GeneratorConfig.Variant set = experiment.variant().get(key);
            variants.add(set == null ? cap(stock, maxChars) : cap(new PromptVariant(key,
                    set.pitch().orElse(stock.pitch()), set.tone().orElse(stock.tone()), set.length().orElse(stock.length()),
                    set.hookStrategy().map(PromptVariant.HookStrategy::of).orElse(stock.hookStrategy())), maxChars));
        }
        return new VariantAssigner(experiment.id(), variants, plain);
    }

    private static PromptVariant cap(PromptVariant v, int maxChars) {
        return new PromptVariant(v.name(), v.pitch(), v.tone(), Math.max(50, Math.min(v.length(), maxChars)),
                v.hookStrategy());
    }

    public record Assignment(PromptVariant variant, String experiment) {
    }

    public Assignment assign(String contactSlug) {
        if (experiment == null) {
            return new Assignment(plain, null);
        }
        return new Assignment(variants.get(bucket(experiment, contactSlug, variants.size())), experiment);
    }

    static int bucket(String experiment, String contactSlug, int buckets) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(experiment.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] digest = sha.digest(String.valueOf(contactSlug).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(value, buckets);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String experiment() {
        return experiment;
    }

    public List<PromptVariant> variants() {
        return variants;
    }
}
