package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.model.LeadLinks;

import java.util.ArrayList;
import java.util.List;

/** A lead file's {@code groups} (names only) as chat links {@code group:<name>}; null when it names none. */
final class GroupLinks {
    private GroupLinks() {
    }

    static LeadLinks of(LeadData lead) {
        JsonNode groups = lead.analysisData() == null ? null : lead.analysisData().get("groups");
        if (groups == null || !groups.isArray() || groups.isEmpty()) {
            return null;
        }
        List<LeadLinks.ChatLink> chats = new ArrayList<>();
        for (JsonNode group : groups) {
            String name = group.isTextual() ? group.textValue().strip() : "";
            if (!name.isEmpty() && chats.stream().noneMatch(c -> c.name().equals(name))) {
                chats.add(new LeadLinks.ChatLink("group:" + name, name, "group", 0, List.of()));
            }
        }
        return chats.isEmpty() ? null : new LeadLinks(List.copyOf(chats), List.of());
    }
}
