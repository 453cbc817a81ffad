package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;

/** TDLib's {@code user}, reduced to the fields we use. */
public record TdUser(long id, String firstName, String lastName, String username, String phoneNumber) {
    public static TdUser from(JsonNode node) {
        JsonNode active = node.path("usernames").path("active_usernames");
        String username = active.isArray() && !active.isEmpty() ? active.get(0).asText() : "";
        return new TdUser(node.path("id").asLong(), node.path("first_name").asText(""),
                node.path("last_name").asText(""), username, node.path("phone_number").asText(""));
    }
}
