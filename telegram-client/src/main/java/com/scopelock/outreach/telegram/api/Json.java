package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one Jackson mapper of this library and a few helpers for TDLib's JSON objects. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object(String type) {
        return MAPPER.createObjectNode().put("@type", type);
    }

    public static ObjectNode parseObject(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalArgumentException("TDLib JSON is not an object");
        } catch (JsonProcessingException e) {
            // never echo the text: it may carry secrets
            throw new IllegalArgumentException("malformed TDLib JSON (" + e.getOriginalMessage() + ")");
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    public static String type(JsonNode node) {
        JsonNode type = node == null ? null : node.get("@type");
        return type == null || !type.isTextual() ? "" : type.asText();
    }
}
