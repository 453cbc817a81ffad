package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * TDLib's {@code message}, reduced. {@code senderUserId} is 0 when the sender is a chat; {@code text} is the
 * text of a {@code messageText} content (empty for other content, whose type is in {@code contentType}).
 */
public record TdMessage(long id, long chatId, long senderUserId, boolean isOutgoing, long date, String contentType,
                        String text) {
    public static TdMessage from(JsonNode node) {
        JsonNode sender = node.path("sender_id");
        long senderUser = "messageSenderUser".equals(Json.type(sender)) ? sender.path("user_id").asLong() : 0;
        JsonNode content = node.path("content");
        String text = "messageText".equals(Json.type(content)) ? content.path("text").path("text").asText("") : "";
        return new TdMessage(node.path("id").asLong(), node.path("chat_id").asLong(), senderUser,
                node.path("is_outgoing").asBoolean(), node.path("date").asLong(), Json.type(content), text);
    }
}
