package com.scopelock.outreach.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Template, vocabulary, slugs and signals. */
class RulesTest {
    private final MessageValidator validator = new MessageValidator(500, List.of(Defaults.PITCH, Defaults.TEMPLATE));
    private final FallbackTemplate template = new FallbackTemplate(Defaults.TEMPLATE, Map.of(), "there", validator);

    @Test
    void templateFillsNameAndProfileLabel() {
        assertTrue(template.render("Liam (UBC raids)", "both").startsWith(
                "Hey Liam, came across your profile and noticed your leadership and hustle skills."));
        assertTrue(template.render(null, "weird").startsWith("Hey there, came across your profile and noticed your community"));
        assertTrue(template.render(" \u202E<b>Ann</b> ", "HUSTLER").startsWith("Hey ‹b›Ann‹/b›, came across your"));
    }

    @Test
    void templateNeverCarriesALinkOrHandleFromTheName() {
        assertTrue(template.render("@pump_signals_bot", "unknown").startsWith("Hey there,"));
        assertTrue(template.render("see https://evil.example/claim", "unknown").startsWith("Hey there,"));
    }

    @Test
    void profileTypesNormalise() {
        assertEquals("hustler", Vocabulary.profileType(" Hustler "));
        assertEquals("unknown", Vocabulary.profileType("admin"));
        assertEquals("unknown", Vocabulary.profileType(null));
    }

    @Test
    void slugs() {
        assertEquals("contact-liam-7944133972", Slugs.contact("Liam", 7944133972L));
        assertEquals("contact-jose-maria-o-neil-5", Slugs.contact("  José María O'Neil!! ", 5));
        assertEquals("contact-5", Slugs.contact("李明", 5));
        assertEquals("contact-" + "a".repeat(40) + "-5", Slugs.contact("a".repeat(60), 5));
        assertEquals("contact-" + "a".repeat(39) + "-5", Slugs.contact("a".repeat(39) + " b", 5), "no dash at the cut");
        String message = Slugs.message("contact-liam-7");
        assertTrue(message.matches("message-liam-7-[0-9a-f]{8}"), message);
        assertEquals("reply-conv-7-alice-99", Slugs.reply("conv-7-alice", 99));
    }

    @Test
    void strongestSignalsFirstTiesByNameOnlyPlainNames() {
        assertEquals(List.of("hustler", "earner", "raider"),
                Signals.strongest(Map.of("raider", 9, "hustler", 12, "earner", 9, "zero", 0, "bad name!", 20)));
        Map<String, Integer> many = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            many.put("s" + i, i + 1);
        }
        assertEquals(Signals.MAX_STRONGEST, Signals.strongest(many).size());
    }
}
