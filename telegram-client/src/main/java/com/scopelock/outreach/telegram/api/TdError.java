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

    public boolean isFloodWait() {
        return code == 429;
    }
}
