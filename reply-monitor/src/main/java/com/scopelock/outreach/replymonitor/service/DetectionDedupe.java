package com.scopelock.outreach.replymonitor.service;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Publishes each detection once per replica lifetime: the key is (kind, conversation, telegram message id). The
 * publish future is kept so a later pass can wait for it; a failed publish is forgotten so it is retried.
 */
public final class DetectionDedupe {
    private final Map<String, CompletableFuture<Void>> published = new ConcurrentHashMap<>();

    public static String key(String kind, String conversationId, long telegramMessageId) {
        return kind + "|" + conversationId + "|" + telegramMessageId;
    }

    /** The publish of {@code key}: started now by {@code send} if this is the first time, else the earlier one. */
    public CompletableFuture<Void> once(String key, Supplier<CompletableFuture<Void>> send, Runnable onFirst) {
        CompletableFuture<Void>[] created = new CompletableFuture[1];
        CompletableFuture<Void> future = published.computeIfAbsent(key, k -> {
            created[0] = new CompletableFuture<>();
            return created[0];
        });
        if (created[0] != null) {
            onFirst.run();
            send.get().whenComplete((ok, error) -> {
                if (error != null) {
                    published.remove(key, created[0]);
                    created[0].completeExceptionally(error);
                } else {
                    created[0].complete(null);
                }
            });
        }
        return future;
    }

    public boolean contains(String key) {
        return published.containsKey(key);
    }

    public int size() {
        return published.size();
    }
}
