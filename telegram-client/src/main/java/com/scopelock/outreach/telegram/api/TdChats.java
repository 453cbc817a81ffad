package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** TDLib's {@code chats}: total count and chat ids in chat-list order. */
public record TdChats(int totalCount, List<Long> chatIds) {
    public TdChats {
        chatIds = List.copyOf(chatIds);
    }

    public static TdChats from(JsonNode node) {
        List<Long> ids = new ArrayList<>();
        node.path("chat_ids").forEach(id -> ids.add(id.asLong()));
        return new TdChats(node.path("total_count").asInt(ids.size()), ids);
    }
}
