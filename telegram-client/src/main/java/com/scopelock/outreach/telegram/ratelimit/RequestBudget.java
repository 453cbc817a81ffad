package com.scopelock.outreach.telegram.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A token bucket for one account's requests (default: 1 history request per second, no burst), which a
 * FLOOD_WAIT pauses entirely. Thread-safe; time comes from an {@link InstantSource} so tests use a fake clock.
 */
public final class RequestBudget {
    private final InstantSource clock;
    private final double permitsPerSecond;
    private final double burst;
    private double tokens;
    private Instant lastRefill;
    private Instant pausedUntil = Instant.MIN;

    public RequestBudget(double permitsPerSecond, int burst, InstantSource clock) {
        if (permitsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("permitsPerSecond must be > 0 and burst >= 1");
        }
        this.clock = clock;
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = clock.instant();
    }

    public static RequestBudget onePerSecond(InstantSource clock) {
        return new RequestBudget(1.0, 1, clock);
    }

    /**
     * Takes a permit if one is available now and returns {@link Duration#ZERO}; otherwise takes nothing and
     * returns how long to wait before asking again.
     */
    public synchronized Duration tryAcquire() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        refill(now);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1.0 - tokens) / permitsPerSecond * 1_000_000_000L));
    }

    /** Pauses the account (FLOOD_WAIT): no permit until {@code wait} has passed; then the bucket restarts empty. */
    public synchronized void pause(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            tokens = 0;
            lastRefill = until;
        }
    }

    public synchronized boolean isPaused() {
        return clock.instant().isBefore(pausedUntil);
    }

    public synchronized Instant pausedUntil() {
        return pausedUntil;
    }

    private void refill(Instant now) {
        if (now.isAfter(lastRefill)) {
            double elapsed = Duration.between(lastRefill, now).toNanos() / 1_000_000_000.0;
            tokens = Math.min(burst, tokens + elapsed * permitsPerSecond);
            lastRefill = now;
        }
    }

    @Override
    public synchronized String toString() {
        return "RequestBudget[" + permitsPerSecond + "/s, burst " + (int) burst + ", pausedUntil=" + pausedUntil
                + "]";
    }
}
