package com.scopelock.outreach.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageValidatorTest {
    private static final String GOOD = "Hey Liam, saw you completed 100 retweets for UBC. We're ScopeLock, helping "
            + "junior devs build real projects with AI. Interested in hearing more?";
    /** The team's pitch may carry its own link and handle; the model and the members may repeat those. */
    private static final String PITCH = "ScopeLock (scopelock.io, @scopelock_team) helps junior developers.";
    private final MessageValidator validator = new MessageValidator(500, List.of(PITCH, Defaults.TEMPLATE));

    @Test
    void goodMessagePassesUnchanged() {
        var result = validator.validate("  " + GOOD + "\n");
        assertTrue(result.valid(), result.rejection());
        assertEquals(GOOD, result.text());
    }

    @Test
    void preambleAndQuotesAreStripped() {
        for (String raw : new String[] {
                "Here is a message you could send:\n\n\"" + GOOD + "\"",
                "Here's a message: " + GOOD,
                "Sure! Here's the message:\n“" + GOOD + "”",
                "Message: '" + GOOD + "'",
                "```\n" + GOOD + "\n```",
                "```text\n" + GOOD + "\n```",
                GOOD + "\n\nLet me know if you'd like any adjustments!"}) {
            var result = validator.validate(raw);
            assertTrue(result.valid(), raw + " -> " + result.rejection());
            assertEquals(GOOD, result.text(), raw);
        }
    }

    @Test
    void emptyAndRefusalsAreRejected() {
        assertEquals("the output was empty", validator.validate("  \n ").rejection());
        assertEquals("the output was empty", validator.validate("\"\"").rejection());
        assertEquals("the output was empty", validator.validate(null).rejection());
        assertFalse(validator.validate("I can't help with writing outreach messages.").valid());
    }

    @Test
    void overLimitIsRejectedNeverCut() {
        String longText = "Hey Liam, " + "this is a long sentence about nothing in particular. ".repeat(10);
        var result = validator.validate(longText);
        assertFalse(result.valid());
        assertTrue(result.rejection().startsWith("the output was too long ("), result.rejection());
        assertEquals(longText.strip(), result.text(), "not cut");
        assertTrue(validator.validate("x".repeat(500)).valid(), "500 is allowed");
        assertTrue(validator.validate("🚀".repeat(500)).valid(), "counted in characters, not UTF-16 units");
    }

    @Test
    void linksHandlesEmailsAndPhonesNotInThePitchAreRejected() {
        assertEquals("the output contained a link that the configured pitch does not contain",
                validator.validate("Hey, join https://evil.example.com/x now").rejection());
        assertEquals("the output contained a link that the configured pitch does not contain",
                validator.validate("Hey, check scopelock-jobs.xyz for details").rejection());
        assertEquals("the output contained an @handle that the configured pitch does not contain",
                validator.validate("Hey, DM @scam_admin").rejection());
        assertEquals("the output contained an e-mail address that the configured pitch does not contain",
                validator.validate("Hey, write to jobs@evil.example.com").rejection());
        assertEquals("the output contained a phone number that the configured pitch does not contain",
                validator.validate("Hey, call me at +1 (555) 123-4567").rejection());
    }

    @Test
    void thePitchsOwnLinkAndHandleAreAllowed() {
        assertTrue(validator.validate("Hey Liam, see https://www.scopelock.io/ or ping @ScopeLock_Team!").valid());
        assertTrue(validator.validateEdit("Hey Liam, see scopelock.io").valid());
    }

    @Test
    void editsKeepWhatAPersonWroteAndFollowTheSameContactRule() {
        var r = validator.validateEdit("  Here is my note: I'm sorry to bother you, Liam!\r\n  ");
        assertTrue(r.valid(), r.rejection());
        assertEquals("Here is my note: I'm sorry to bother you, Liam!", r.text());
        assertFalse(validator.validateEdit(" \n\t ").valid());
        assertTrue(validator.validateEdit("x".repeat(501)).rejection().contains("501 characters, max 500"));
        assertEquals("the text contains an @handle that the configured pitch does not contain",
                validator.validateEdit("Ask @other_guy about it").rejection());
        assertTrue(validator.validateEdit("On 2025-01-10 you did 100 retweets").valid(), "dates are not phones");
    }

    @Test
    void controlCharactersAreRemoved() {
        var result = validator.validate("Hey\u202E Liam\u0007, hi");
        assertTrue(result.valid());
        assertEquals("Hey Liam, hi", result.text());
    }
}
