package com.scopelock.outreach.api.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TelegramLinksTest {
    @Test
    void encodesTheTextWithPercentTwentyForSpaces() {
        assertEquals("https://t.me/liam_ubc?text=Hey%20Liam%2C%20100%25%20%26%20more%3F%20%F0%9F%9A%80%0Aok",
                TelegramLinks.prefilled("liam_ubc", "Hey Liam, 100% & more? 🚀\nok"));
        assertEquals("https://t.me/liam_ubc?text=a%2Bb", TelegramLinks.prefilled("@liam_ubc", "a+b"));
    }

    @Test
    void onlyAWellFormedUsernameMakesALink() {
        assertNull(TelegramLinks.prefilled(null, "hi"));
        assertNull(TelegramLinks.prefilled("", "hi"));
        assertNull(TelegramLinks.prefilled("abc", "hi"), "too short");
        assertNull(TelegramLinks.prefilled("evil.com/x", "hi"));
        assertNull(TelegramLinks.prefilled("a b c d e", "hi"));
        assertNull(TelegramLinks.prefilled("1startsdigit", "hi"));
        assertNull(TelegramLinks.prefilled("x".repeat(33), "hi"));
        assertEquals("https://t.me/gwhfqxash?text=", TelegramLinks.prefilled("gwhfqxash", ""));
    }
}
