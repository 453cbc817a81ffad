package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * TDLib's {@code chat}, reduced: id, title, the {@code ChatType} name and, for private chats, the other user's id
 * (0 otherwise).
 */
public record TdChat(long id, String title, String chatType, long privateUserId) {
    public static TdChat from(JsonNode node) {
        JsonNode type = node.path("type");
        return new TdChat(node.path("id").asLong(), node.path("title").asText(""), Json.type(type),
                type.path("user_id").asLong(0));
    }

    public boolean isPrivate() {
        return "chatTypePrivate".equals(chatType);
    }
}
