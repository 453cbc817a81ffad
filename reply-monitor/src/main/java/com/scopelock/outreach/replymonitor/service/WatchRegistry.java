package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.model.WatchRequested;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The whole watch list (latest record per conversation of the compacted {@code outreach.watch}), by owner. */
public final class WatchRegistry {
    private final Map<String, WatchRequested> byConversation = new ConcurrentHashMap<>();

    /** Returns the owner whose watches changed, or null. */
    public String put(WatchRequested watch) {
        byConversation.put(watch.conversationId(), watch);
        return watch.owner();
    }

    /** A tombstone: returns the owner whose watches changed, or null if the conversation was unknown. */
    public String remove(String conversationId) {
        WatchRequested old = byConversation.remove(conversationId);
        return old == null ? null : old.owner();
    }

    public List<WatchRequested> forOwner(String owner) {
        return byConversation.values().stream().filter(w -> owner.equals(w.owner())).toList();
    }

    public int size() {
        return byConversation.size();
    }
}
