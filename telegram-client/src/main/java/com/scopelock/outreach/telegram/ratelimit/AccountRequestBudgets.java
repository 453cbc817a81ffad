package com.scopelock.outreach.telegram.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RequestBudget} per account, plus the FLOOD_WAIT hook: report a failed request with
 * {@link #onFailure}; a 429 pauses that account (only that one) for the time Telegram asked for.
 */
public final class AccountRequestBudgets {
    private final Map<String, RequestBudget> budgets = new ConcurrentHashMap<>();
    private final double permitsPerSecond;
    private final int burst;
    private final InstantSource clock;

    public AccountRequestBudgets(double permitsPerSecond, int burst, InstantSource clock) {
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Default: 1 request per second per account, no burst. */
    public static AccountRequestBudgets defaults() {
        return new AccountRequestBudgets(1.0, 1, InstantSource.system());
    }

    public RequestBudget budget(String account) {
        return budgets.computeIfAbsent(account, a -> new RequestBudget(permitsPerSecond, burst, clock));
    }

    /** {@link RequestBudget#tryAcquire()} for the account. */
    public Duration tryAcquire(String account) {
        return budget(account).tryAcquire();
    }

    /** If {@code failure} is a FLOOD_WAIT, pauses the account and returns the wait. */
    public Optional<Duration> onFailure(String account, Throwable failure) {
        Optional<Duration> wait = FloodWait.retryAfter(failure);
        wait.ifPresent(budget(account)::pause);
        return wait;
    }
}
