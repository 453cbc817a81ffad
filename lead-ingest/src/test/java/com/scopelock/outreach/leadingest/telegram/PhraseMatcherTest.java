package com.scopelock.outreach.leadingest.telegram;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PhraseMatcherTest {
    private final PhraseMatcher matcher = new PhraseMatcher(List.of(
            List.of("raid*", "рейд*", "转推"), List.of("earn*"), List.of("done ✅", "track who")));

    @Test
    void wholeWordsPrefixesAndScriptsWithoutSpaces() {
        assertEquals(0b001, matcher.signals("Raided the thread"));
        assertEquals(0b001, matcher.signals("РЕЙДИМ сегодня"));
        assertEquals(0b001, matcher.signals("我已经转推了"));
        assertEquals(0b010, matcher.signals("want to EARN more"));
        assertEquals(0, matcher.signals("I learn a lot"), "earn inside a word is no match");
        assertEquals(0, matcher.signals("a braid"), "a prefix phrase still starts a word");
        assertEquals(0b101, matcher.signals("raid done ✅"));
        assertEquals(0b100, matcher.signals("can we track who did it"));
        assertEquals(0, matcher.signals("track whom"));
        assertEquals(0, matcher.signals(""));
    }

    @Test
    void overlappingPhrasesAreAllFound() {
        PhraseMatcher overlapping = new PhraseMatcher(List.of(List.of("abcd"), List.of("bc"), List.of("c")));
        assertEquals(0b001, overlapping.signals("abcd"), "bc and c are inside the word abcd");
        assertEquals(0b110, overlapping.signals("x bc c"));
    }

    /** Near-misses everywhere: a backtracking matcher would take minutes here; the bound leaves room for a busy machine. */
    @Test
    void aHostileTextTakesLinearTime() {
        PhraseMatcher many = new PhraseMatcher(List.of(List.of("a".repeat(50) + "b", "a".repeat(30) + "c", "aa")));
        String text = "a".repeat(2_000_000) + " aa";
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(15), () -> assertEquals(0b001, many.signals(text)));
    }
}
