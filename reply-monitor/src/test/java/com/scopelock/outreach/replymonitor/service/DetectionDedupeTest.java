package com.scopelock.outreach.replymonitor.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionDedupeTest {

    @Test
    void publishesOncePerKeyAndWaitsOnTheSameFuture() {
        DetectionDedupe dedupe = new DetectionDedupe();
        AtomicInteger sends = new AtomicInteger();
        CompletableFuture<Void> pending = new CompletableFuture<>();
        String key = DetectionDedupe.key("reply", "conv-1-mia", 7);
        var first = dedupe.once(key, () -> {
            sends.incrementAndGet();
            return pending;
        }, () -> { });
        var second = dedupe.once(key, () -> {
            sends.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }, () -> { });
        assertSame(first, second);
        assertEquals(1, sends.get());
        assertFalse(first.isDone());
        pending.complete(null);
        assertTrue(second.isDone());
        assertFalse(dedupe.contains(DetectionDedupe.key("reply", "conv-1-mia", 8)));
    }

    @Test
    void aFailedPublishIsForgottenSoItIsRetried() {
        DetectionDedupe dedupe = new DetectionDedupe();
        String key = DetectionDedupe.key("sent", "conv-1-mia", 9);
        var failed = dedupe.once(key, () -> CompletableFuture.failedFuture(new RuntimeException("broker down")),
                () -> { });
        assertTrue(failed.isCompletedExceptionally());
        assertFalse(dedupe.contains(key));
        AtomicInteger firsts = new AtomicInteger();
        dedupe.once(key, () -> CompletableFuture.completedFuture(null), firsts::incrementAndGet);
        assertEquals(1, firsts.get());
        assertTrue(dedupe.contains(key));
    }
}
