package com.scopelock.outreach.leadingest.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/** What an export shows of one sender. Only bounded lists: the latest matches, counts per chat and per peer. */
final class ExportPerson {
    record Match(long time, long messageId, String date, String text, String signal) {
    }

    final long id;
    String name;
    boolean bot;
    int messages;
    int matched;
    int[] counts;
    final Map<ExportChat, int[]> chats = new HashMap<>(4);
    final Map<Long, int[]> replies = new HashMap<>(4);
    /** The latest matches, oldest on top so it is the one dropped. */
    final PriorityQueue<Match> latest = new PriorityQueue<>((a, b) -> a.time() != b.time()
            ? Long.compare(a.time(), b.time()) : Long.compare(a.messageId(), b.messageId()));

    ExportPerson(long id) {
        this.id = id;
    }

    void posted(ExportChat chat) {
        messages++;
        chats.computeIfAbsent(chat, c -> new int[1])[0]++;
    }

    void repliedWith(long other) {
        replies.computeIfAbsent(other, o -> new int[1])[0]++;
    }

    void matched(Match match, int keep) {
        matched++;
        latest.add(match);
        if (latest.size() > keep) {
            latest.poll();
        }
    }
}
