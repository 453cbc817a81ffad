package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** TDLib's {@code messages}: newest first, as getChatHistory returns them. */
public record TdMessages(int totalCount, List<TdMessage> messages) {
    public TdMessages {
        messages = List.copyOf(messages);
    }

    public static TdMessages from(JsonNode node) {
        List<TdMessage> list = new ArrayList<>();
        for (JsonNode m : node.path("messages")) {
            if (!m.isNull()) {
                list.add(TdMessage.from(m));
            }
        }
        return new TdMessages(node.path("total_count").asInt(list.size()), list);
    }
}
