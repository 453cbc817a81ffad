package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.config.GeneratorConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantAssignerTest {
    private static GeneratorConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(GeneratorConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus' "10s" form, as in the service
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(GeneratorConfig.class);
    }

    @Test
    void aLeadAlwaysGetsTheSameVariantAndTheSplitIsEven() {
        VariantAssigner assigner = VariantAssigner.from(config(Map.of()));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String lead = "contact-lead-" + i;
            VariantAssigner.Assignment a = assigner.assign(lead);
            assertEquals(a.variant().name(), assigner.assign(lead).variant().name(), "deterministic for " + lead);
            assertEquals(a.variant().name(), VariantAssigner.from(config(Map.of())).assign(lead).variant().name(),
                    "the same after a restart");
            assertEquals("prompt-variants-1", a.experiment());
            counts.merge(a.variant().name(), 1, Integer::sum);
        }
        assertEquals(Set.of("concise", "warm"), counts.keySet());
        // 10,000 fair coin flips: 5,000 ± 4 standard deviations (200)
        assertTrue(Math.abs(counts.get("concise") - 5_000) < 200, counts.toString());
    }

    @Test
    void theBucketIsTheFirstEightBytesOfSha256OfExperimentAndLead() throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256")
                .digest("exp-x\0contact-liam-1".getBytes(StandardCharsets.UTF_8));
        long v = java.nio.ByteBuffer.wrap(d, 0, 8).getLong();
        assertEquals((int) Long.remainderUnsigned(v, 3), VariantAssigner.bucket("exp-x", "contact-liam-1", 3));
    }

    @Test
    void anotherExperimentReshufflesTheLeads() {
        VariantAssigner first = VariantAssigner.from(config(Map.of()));
        VariantAssigner second = VariantAssigner.from(config(Map.of("generator.experiment.id", "prompt-variants-2")));
        int moved = 0;
        for (int i = 0; i < 1_000; i++) {
            String lead = "contact-lead-" + i;
            moved += first.assign(lead).variant().name().equals(second.assign(lead).variant().name()) ? 0 : 1;
        }
        assertTrue(moved > 350 && moved < 650, "about half move: " + moved);
    }

    @Test
    void offEveryLeadGetsThePlainPromptWithoutAnExperiment() {
        VariantAssigner off = VariantAssigner.from(config(Map.of("generator.experiment.enabled", "false")));
        VariantAssigner.Assignment a = off.assign("contact-liam-1");
        assertEquals(PromptVariant.DEFAULT, a.variant().name());
        assertNull(a.experiment());
        assertEquals(500, a.variant().length());
    }

    @Test
    void configuredFieldsOverrideTheStockOnesAndLengthsAreCapped() {
        GeneratorConfig c = config(Map.of("generator.experiment.variants", "concise,bold",
                "generator.experiment.variant.concise.tone", "crisp",
                "generator.experiment.variant.bold.length", "900",
                "generator.experiment.variant.bold.hook-strategy", "none",
                "generator.experiment.variant.bold.pitch", "We build things together."));
        List<PromptVariant> variants = VariantAssigner.from(c).variants();
        assertEquals(List.of("concise", "bold"), variants.stream().map(PromptVariant::name).toList());
        assertEquals("crisp", variants.get(0).tone());
        assertEquals(280, variants.get(0).length(), "stock length kept");
        assertEquals(500, variants.get(1).length(), "capped at generator.message.max-chars");
        assertEquals(PromptVariant.HookStrategy.NONE, variants.get(1).hookStrategy());
        assertEquals("We build things together.", variants.get(1).pitch());
        Set<String> seen = new HashSet<>();
        VariantAssigner assigner = VariantAssigner.from(c);
        for (int i = 0; i < 100; i++) {
            seen.add(assigner.assign("contact-" + i).variant().name());
        }
        assertEquals(Set.of("concise", "bold"), seen);
    }

    @Test
    void theTemplatesVariantNameAndBadHookStrategiesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> VariantAssigner.from(config(Map.of(
                "generator.experiment.variants", "concise,template"))));
        assertThrows(IllegalArgumentException.class, () -> VariantAssigner.from(config(Map.of(
                "generator.experiment.variant.concise.hook-strategy", "random"))));
    }
}
