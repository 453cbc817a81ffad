package com.scopelock.outreach.api.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live events per team member for the SSE stream. Each replica numbers its events; a client that reconnects
 * with {@code Last-Event-ID} gets what it missed from a bounded per-member buffer, or a {@code resync} event
 * when the id is unknown here (another replica, or too old) so the client reloads its lists.
 */
@ApplicationScoped
public class NotificationHub {
    static final int BUFFER_PER_MEMBER = 500;

    public record LiveEvent(long id, String type, Object data) {
    }

    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final BroadcastProcessor<Owned> stream = BroadcastProcessor.create();
    private final Map<String, Deque<LiveEvent>> recent = new ConcurrentHashMap<>();

    private record Owned(String owner, LiveEvent event) {
    }

    public void publish(String owner, String type, Object data) {
        LiveEvent event = new LiveEvent(sequence.incrementAndGet(), type, data);
        Deque<LiveEvent> buffer = recent.computeIfAbsent(owner, k -> new ArrayDeque<>());
        synchronized (buffer) {
            buffer.addLast(event);
            if (buffer.size() > BUFFER_PER_MEMBER) {
                buffer.removeFirst();
            }
        }
        stream.onNext(new Owned(owner, event));
    }

    /** The member's events from now on, preceded by what they missed after {@code lastEventId} (or a resync). */
    public Multi<LiveEvent> subscribe(String owner, Long lastEventId) {
        Multi<LiveEvent> live = stream.filter(o -> o.owner().equals(owner)).map(Owned::event);
        if (lastEventId == null) {
            return live;
        }
        return Multi.createBy().concatenating().streams(Multi.createFrom().iterable(missed(owner, lastEventId)), live);
    }

    private List<LiveEvent> missed(String owner, long lastEventId) {
        Deque<LiveEvent> buffer = recent.getOrDefault(owner, new ArrayDeque<>());
        synchronized (buffer) {
            boolean known = buffer.stream().anyMatch(e -> e.id() == lastEventId);
            if (!known) {
                return List.of(new LiveEvent(sequence.incrementAndGet(), "resync", Map.of("reason",
                        "events after " + lastEventId + " are not available here; reload the lists")));
            }
            return buffer.stream().filter(e -> e.id() > lastEventId).toList();
        }
    }
}
