package com.scopelock.outreach.generator.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageValidatorTest {
    private static final String GOOD = "Hey Liam, saw you completed 100 retweets for UBC. We're ScopeLock, helping "
            + "junior devs build real projects with AI. Interested in hearing more?";
    private static final String PROMPT = "name: \"Liam\" hook_text: \"Completed 100 retweets, see t.me/ubc_raids "
            + "or @ubc_raids, call +44 20 7946 0958\"";
    private final MessageValidator validator = new MessageValidator(500);

    @Test
    void goodMessagePassesUnchanged() {
        var result = validator.validate("  " + GOOD + "\n", PROMPT);
        assertTrue(result.valid(), result.rejection());
        assertEquals(GOOD, result.text());
    }

    @Test
    void preambleAndQuotesAreStripped() {
        for (String raw : new String[]{
                "Here is a message you could send:\n\n\"" + GOOD + "\"",
                "Here's a message: " + GOOD,
                "Sure! Here's the message:\n“" + GOOD + "”",
                "Message: '" + GOOD + "'",
                "```\n" + GOOD + "\n```",
                GOOD + "\n\nLet me know if you'd like any adjustments!"}) {
            var result = validator.validate(raw, PROMPT);
            assertTrue(result.valid(), raw + " -> " + result.rejection());
            assertEquals(GOOD, result.text(), raw);
        }
    }

    @Test
    void emptyAndRefusalsAreRejected() {
        assertEquals("the output was empty", validator.validate("  \n ", PROMPT).rejection());
        assertEquals("the output was empty", validator.validate("\"\"", PROMPT).rejection());
        assertEquals("the output was empty", validator.validate(null, PROMPT).rejection());
        assertFalse(validator.validate("I can't help with writing outreach messages.", PROMPT).valid());
    }

    @Test
    void overLimitIsRejectedNeverCut() {
        String longText = "Hey Liam, " + "this is a long sentence about nothing in particular. ".repeat(10);
        var result = validator.validate(longText, PROMPT);
        assertFalse(result.valid());
        assertTrue(result.rejection().startsWith("the output was too long ("), result.rejection());
        assertEquals(longText.strip(), result.text(), "not cut");
        assertTrue(validator.validate("x".repeat(500), PROMPT).valid(), "500 is allowed");
        assertTrue(validator.validate("🚀".repeat(500), PROMPT).valid(), "counted in characters, not UTF-16 units");
    }

    @Test
    void linksHandlesEmailsAndPhonesNotInThePromptAreRejected() {
        assertEquals("the output contained a link that the prompt did not contain",
                validator.validate("Hey, join https://evil.example.com/x now", PROMPT).rejection());
        assertEquals("the output contained a link that the prompt did not contain",
                validator.validate("Hey, check scopelock-jobs.xyz for details", PROMPT).rejection());
        assertEquals("the output contained a link that the prompt did not contain",
                validator.validate("Hey, see www.example.org", PROMPT).rejection());
        assertEquals("the output contained an @handle that the prompt did not contain",
                validator.validate("Hey, DM @scam_admin", PROMPT).rejection());
        assertEquals("the output contained an e-mail address that the prompt did not contain",
                validator.validate("Hey, write to jobs@evil.example.com", PROMPT).rejection());
        assertEquals("the output contained a phone number that the prompt did not contain",
                validator.validate("Hey, call me at +1 (555) 123-4567", PROMPT).rejection());
        assertFalse(validator.validate("Hey, join https://evil.example.com", null).valid());
    }

    @Test
    void linksHandlesAndPhonesFromThePromptAreAllowed() {
        assertTrue(validator.validate("Saw your raids on https://t.me/ubc_raids, nice!", PROMPT).valid());
        assertTrue(validator.validate("Saw @ubc_raids, nice! Want to hear more?", PROMPT).valid());
        assertTrue(validator.validate("Or call +44 20 7946 0958?", PROMPT).valid());
    }

    @Test
    void ordinaryNumbersAndWordsAreNotMistakenForContacts() {
        assertTrue(validator.validate("Completed 100 retweets and 45 replies on 2024-11-01 at 18:00 UTC; "
                + "you do Next.js, e.g. landing pages? Email-free, link-free. Team of 12.", "").valid());
    }

    @Test
    void controlCharactersAreRemoved() {
        var result = validator.validate("Hey\u202E Liam\u0007, hi", "");
        assertTrue(result.valid());
        assertEquals("Hey Liam, hi", result.text());
    }
}
