package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.databind.JsonNode;

/** How a rejection shows a bad value: at most {@value #MAX_CHARS} characters of it, then how much was left out. */
public final class Quote {
    public static final int MAX_CHARS = 200;

    private Quote() {
    }

    /** The value as JSON (a string in quotes), cut after {@value #MAX_CHARS} characters. */
    public static String of(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return text.length() <= MAX_CHARS ? "\"" + text + "\"" : "\"" + cut(text) + "\"";
        }
        if (node.isContainerNode() && node.size() > MAX_CHARS) {
            return (node.isArray() ? "an array of " : "an object of ") + node.size() + " entries";
        }
        return cut(node.toString());
    }

    /** {@code text} itself when short enough, else its first {@value #MAX_CHARS} characters and the rest's length. */
    public static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end) + "… (" + (text.length() - end) + " more characters)";
    }
}
