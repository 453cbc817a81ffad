package com.scopelock.outreach.replymonitor.service;

import java.time.Duration;

/** Exponential backoff: {@code initial}, then doubled per further miss, never longer than {@code max}. */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + ", " + max);
        }
    }

    /** The wait after the {@code misses}-th miss in a row (1 = the first). */
    public Duration after(int misses) {
        Duration wait = initial;
        for (int i = 1; i < misses && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
