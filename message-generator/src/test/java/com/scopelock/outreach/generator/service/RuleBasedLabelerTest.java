package com.scopelock.outreach.generator.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleBasedLabelerTest {
    private final RuleBasedLabeler rules = new RuleBasedLabeler();

    private void assertLabel(String text, String sentiment, String intent) {
        ReplyLabel label = rules.label(text);
        assertEquals(intent, label.intent(), text);
        assertEquals(sentiment, label.sentiment(), text);
    }

    /** The reply of issue 11 that the old rules labelled negative/unsubscribe (and so marked do-not-contact). */
    @Test
    void aStopWordInsideInterestIsNotAnOptOut() {
        assertLabel("Yes I'm interested, can't stop thinking about building with AI. Tell me more", "positive", "interested");
        assertLabel("Don't stop now, tell me more", "positive", "interested");
        assertLabel("I can't stop writing code with AI, I'm in", "positive", "interested");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "stop messaging me", "Unsubscribe", "STOP", "don't contact me", "Do not message me anymore",
            "не пишите мне", "Хватит мне писать", "no me escribas", "Deja de escribirme",
            "pare de me mandar mensagens", "Não me mande mais mensagens", "schreib mir nicht mehr",
            "Hör auf, mir zu schreiben", "ne me contactez plus", "Arrêtez de m'écrire", "leave me alone"})
    void explicitOptOutsInEveryLanguage(String text) {
        assertLabel(text, "negative", "unsubscribe");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Not interested, thanks", "no thanks", "Не интересно", "No me interesa", "Não tenho interesse",
            "Kein Interesse", "Ça ne m'intéresse pas", "Spam", "Sure, and I'm the Pope 🙄"})
    void refusalsAreNotOptOuts(String text) {
        assertLabel(text, "negative", "not_interested");
    }

    @Test
    void quotedTextIsNotTheSendersWords() {
        assertLabel("My friend said to answer \"stop messaging me\" but honestly tell me more", "positive", "interested");
        assertLabel("> Interested in hearing more?\nno thanks", "negative", "not_interested");
        assertLabel("«Не пишите мне» — так я отвечаю спаму, а вам: да, интересно", "positive", "interested");
    }

    @Test
    void negationIsReadInItsClause() {
        assertLabel("No, I'm interested", "positive", "interested");
        assertLabel("I'm not busy, tell me more", "positive", "interested");
        assertLabel("Sounds interesting, but not for me", "negative", "not_interested");
        assertLabel("Not interested right now, maybe later", "neutral", "later");
        assertLabel("Don't hesitate to message me the details", "neutral", "other");
    }

    @Test
    void emptyAndSymbolsOnly() {
        assertLabel("", "neutral", "other");
        assertLabel("   ", "neutral", "other");
        assertLabel("…?!", "neutral", "other");
        assertLabel(null, "neutral", "other");
    }

    /** Linear: hostile repetitions of the words the rules look at, far beyond Telegram's 4096 characters. */
    @Test
    void hostileInputIsLabelledQuickly() {
        String[] bombs = {"not ".repeat(250_000), "stop ".repeat(200_000), "a.".repeat(500_000),
                "\"".repeat(1_000_000), "> x\n".repeat(250_000), "🙄".repeat(300_000), "don't ".repeat(150_000),
                "no me ".repeat(150_000), "ne m'".repeat(200_000)};
        for (String bomb : bombs) {
            long t0 = System.nanoTime();
            rules.label(bomb);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 2_000, "took " + ms + " ms on " + bomb.substring(0, 8) + "…");
        }
    }
}
