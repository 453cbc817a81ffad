package com.scopelock.outreach.api.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageValidatorEditTest {
    private final MessageValidator validator = new MessageValidator(500);
    private static final String LEAD = "{\"name\":\"Liam\",\"username\":\"liam_ubc\",\"bio\":\"see ubc.io or +44 20 7946 0958\"}\n@liam_ubc";

    @Test
    void trimsAndKeepsWhatAPersonWrote() {
        var r = validator.validateEdit("  Here is my note: I'm sorry to bother you, Liam!\r\n  ", LEAD);
        assertTrue(r.valid(), r.rejection());
        assertEquals("Here is my note: I'm sorry to bother you, Liam!", r.text());
    }

    @Test
    void emptyAndTooLongAreRejected() {
        assertFalse(validator.validateEdit(" \n\t ", LEAD).valid());
        assertFalse(validator.validateEdit(null, LEAD).valid());
        assertTrue(validator.validateEdit("é".repeat(500), LEAD).valid(), "500 characters are fine");
        var tooLong = validator.validateEdit("x".repeat(501), LEAD);
        assertFalse(tooLong.valid());
        assertTrue(tooLong.rejection().contains("501 characters, max 500"), tooLong.rejection());
        assertTrue(validator.validateEdit("🚀".repeat(500), LEAD).valid(), "counted in code points");
    }

    @Test
    void foreignLinksHandlesAndPhonesAreRejectedTheLeadsOwnAreFine() {
        assertTrue(validator.validateEdit("Hey @liam_ubc, loved ubc.io", LEAD).valid());
        assertTrue(validator.validateEdit("Call me back at +44 20 7946 0958?", LEAD).valid());
        assertRejected("Join at https://scam.example.com", "a link");
        assertRejected("Join at www.example.org", "a link");
        assertRejected("Ask @other_guy about it", "an @handle");
        assertRejected("Call +1 415 555 0100", "a phone number");
        assertRejected("Write to me@example.com", "an e-mail address");
        assertTrue(validator.validateEdit("On 2025-01-10 you did 100 retweets", LEAD).valid(), "dates and small numbers are not phones");
    }

    private void assertRejected(String text, String what) {
        var r = validator.validateEdit(text, LEAD);
        assertFalse(r.valid(), text);
        assertTrue(r.rejection().contains(what), r.rejection());
    }
}
