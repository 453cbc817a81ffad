package com.scopelock.outreach.replymonitor.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextMatcherTest {
    private static final String GENERATED = "Hi Anna! Loved your post about shipping side projects. We're building a "
            + "small team — would you be up for a quick chat this week?";

    @Test
    void normalisesCaseWhitespaceAndPunctuation() {
        assertEquals("hi anna we re here", TextMatcher.normalise("  Hi,   ANNA!!\n\tWe're — here… 🙂 "));
        assertEquals("", TextMatcher.normalise(null));
        assertEquals(1.0, TextMatcher.similarity(GENERATED, GENERATED.toUpperCase().replace("!", "")));
    }

    @Test
    void smallHumanEditsStillMatch() {
        String edited = "hi anna, loved your post about shipping side-projects! We are building a small team: would "
                + "you be up for a quick chat this week";
        double s = TextMatcher.similarity(GENERATED, edited);
        assertTrue(s >= 0.85, "similarity " + s);
        assertTrue(TextMatcher.similarity(GENERATED, GENERATED.replace("this week", "next week")) >= 0.85);
    }

    @Test
    void differentMessagesDoNotMatch() {
        assertTrue(TextMatcher.similarity(GENERATED, "Great, I'll send an invite.") < 0.5);
        assertTrue(TextMatcher.similarity(GENERATED, "Hi Anna!") < 0.85);
        assertTrue(TextMatcher.similarity(GENERATED,
                "Hi Bob! Loved your talk about databases. We're hiring a backend engineer — interested in a call?")
                < 0.85);
        assertEquals(0.0, TextMatcher.similarity("", GENERATED));
        assertEquals(0.0, TextMatcher.similarity("!!!", "???"));
    }

    @Test
    void levenshtein() {
        assertEquals(3, TextMatcher.levenshtein("kitten", "sitting"));
        assertEquals(0, TextMatcher.levenshtein("", ""));
        assertEquals(4, TextMatcher.levenshtein("", "abcd"));
    }
}
