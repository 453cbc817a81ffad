package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;

/** TDLib's {@code error code:int32 message:string}. */
public record TdError(int code, String message) {
    public static TdError from(JsonNode node) {
        return new TdError(node.path("code").asInt(), node.path("message").asText(""));
    }

    public boolean isUnauthorized() {
        return code == 401;
    }

    /** 404, or 400 whose message says something is not found (TDLib's "Chat not found", "Message not found"). */
    public boolean isNotFound() {
        return code == 404 || (code == 400 && message.toLowerCase(java.util.Locale.ROOT).contains("not found"));
    }

    public boolean isFloodWait() {
        return code == 429;
    }
}
