package com.scopelock.outreach.generator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.ReplyLabeled;

import java.util.Locale;
import java.util.Optional;

/** Reads the CLI's label answer defensively: the first JSON object in the text, both values from the closed sets. */
public final class LabelParser {

    public Optional<ReplyLabel> parse(String output) {
        if (output == null) {
            return Optional.empty();
        }
        int start = output.indexOf('{');
        int end = output.indexOf('}', start + 1);
        if (start < 0 || end < 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JsonCodec.mapper().readTree(output.substring(start, end + 1));
            String sentiment = value(node, "sentiment");
            String intent = value(node, "intent");
            if (ReplyLabeled.SENTIMENTS.contains(sentiment) && ReplyLabeled.INTENTS.contains(intent)) {
                return Optional.of(new ReplyLabel(sentiment, intent));
            }
        } catch (Exception e) {
            // not JSON: the caller falls back to the rules
        }
        return Optional.empty();
    }

    private static String value(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? ""
                : v.asText().strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
