package com.scopelock.outreach.generator.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyLabelingTest {
    private final RuleBasedLabeler rules = new RuleBasedLabeler();
    private final LabelParser parser = new LabelParser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Yes, I'm interested! Tell me more.|positive|interested",
            "sounds good, let's talk|positive|interested",
            "Да, интересно|positive|interested",
            "Sí, claro|positive|interested",
            "Stop messaging me|negative|unsubscribe",
            "please unsubscribe me|negative|unsubscribe",
            "Not interested, thanks|negative|not_interested",
            "no thanks|negative|not_interested",
            "нет, спасибо|negative|not_interested",
            "I'm busy this week, ping me next week|neutral|later",
            "maybe later|neutral|later",
            "What exactly would I be doing?|neutral|question",
            "I'm out of office until Monday|neutral|out_of_office",
            "On vacation, back on the 12th|neutral|out_of_office",
            "ok|neutral|other",
            "''|neutral|other"})
    void rules(String text, String sentiment, String intent) {
        ReplyLabel label = rules.label(text);
        assertEquals(sentiment, label.sentiment(), text);
        assertEquals(intent, label.intent(), text);
    }

    @Test
    void parserAcceptsStrictJsonAndToleratesWrapping() {
        assertEquals(new ReplyLabel("positive", "interested"),
                parser.parse("{\"sentiment\":\"positive\",\"intent\":\"interested\"}").orElseThrow());
        assertEquals(new ReplyLabel("negative", "not_interested"),
                parser.parse("Here you go:\n```json\n{\"sentiment\": \"Negative\", \"intent\": \"not interested\"}\n```")
                        .orElseThrow());
        assertEquals(new ReplyLabel("neutral", "out_of_office"),
                parser.parse("{\"intent\":\"out-of-office\",\"sentiment\":\"neutral\"}").orElseThrow());
    }

    @Test
    void parserRejectsAnythingElse() {
        assertTrue(parser.parse("positive, interested").isEmpty());
        assertTrue(parser.parse("{\"sentiment\":\"ecstatic\",\"intent\":\"interested\"}").isEmpty());
        assertTrue(parser.parse("{\"sentiment\":\"positive\"}").isEmpty());
        assertTrue(parser.parse("{\"sentiment\":1,\"intent\":[]}").isEmpty());
        assertTrue(parser.parse("{not json}").isEmpty());
        assertTrue(parser.parse(null).isEmpty());
    }
}
