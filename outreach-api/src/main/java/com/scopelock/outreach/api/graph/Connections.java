package com.scopelock.outreach.api.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A lead's connections as the graph's queries found them, ranked strongest first: replies exchanged with the lead,
 * then shared chats, team members before leads (who can introduce), then name.
 */
public final class Connections {
    private static final String TEAM = "team_member";
    private static final String LEAD = "lead";

    private static final class Entry {
        final String kind;
        final String id;
        final String name;
        final Long telegramId;
        long replies;
        String via;
        final TreeSet<String> chats = new TreeSet<>();
        int sharedCount;

        Entry(String kind, String id, String name, Long telegramId) {
            this.kind = kind;
            this.id = id;
            this.name = name;
            this.telegramId = telegramId;
        }
    }

    private final Map<String, Entry> team = new LinkedHashMap<>();
    private final Map<String, Entry> leads = new LinkedHashMap<>();
    private final Map<String, String> leadChats = new LinkedHashMap<>();

    void team(String name, int shared, long replies) {
        Entry e = team.computeIfAbsent(name, n -> new Entry(TEAM, null, n, null));
        e.sharedCount = shared;
        e.replies = Math.max(e.replies, replies);
    }

    void teamReplies(String name, long replies) {
        Entry e = team.computeIfAbsent(name, n -> new Entry(TEAM, null, n, null));
        e.replies = Math.max(e.replies, replies);
    }

    void teamChat(String name, String chat) {
        Entry e = team.get(name);
        if (e != null) {
            e.chats.add(chat);
        }
    }

    void lead(String id, String name, long telegramId, long replies, String via) {
        Entry e = leads.get(id);
        if (e == null) {
            e = new Entry(LEAD, id, name, telegramId);
            e.via = via;
            leads.put(id, e);
        }
        e.replies = Math.max(e.replies, replies);
        if (replies > 0) {
            e.via = null; // a direct connection
        }
    }

    void leadChat(String key, String name) {
        leadChats.put(key, name);
    }

    List<String> leadSlugs() {
        return List.copyOf(leads.keySet());
    }

    void chatOf(String leadSlug, String chatKey) {
        Entry e = leads.get(leadSlug);
        String name = leadChats.get(chatKey);
        if (e != null && name != null) {
            e.chats.add(name);
            e.sharedCount = e.chats.size();
        }
    }

    public boolean isEmpty() {
        return team.isEmpty() && leads.isEmpty();
    }

    public List<ConnectionRepository.Connection> ranked(int limit) {
        List<Entry> all = new ArrayList<>(team.values());
        all.addAll(leads.values());
        all.sort(Comparator.<Entry>comparingLong(e -> -e.replies)
                .thenComparingInt(e -> -e.sharedCount)
                .thenComparing(e -> TEAM.equals(e.kind) ? 0 : 1)
                .thenComparing(e -> e.name == null ? "" : e.name)
                .thenComparing(e -> e.id == null ? "" : e.id));
        return all.stream().limit(limit).map(e -> new ConnectionRepository.Connection(e.kind, e.id, e.name, e.telegramId,
                List.copyOf(e.chats), e.sharedCount, e.replies, e.via)).toList();
    }
}
