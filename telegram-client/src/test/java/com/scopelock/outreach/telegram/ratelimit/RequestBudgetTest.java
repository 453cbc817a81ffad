package com.scopelock.outreach.telegram.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopelock.outreach.telegram.api.TdError;
import com.scopelock.outreach.telegram.api.TdException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RequestBudgetTest {
    /** A clock that moves only when told. */
    static final class FakeClock implements InstantSource {
        private Instant now = Instant.parse("2026-11-21T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final FakeClock clock = new FakeClock();

    @Test
    void onePerSecondByDefault() {
        RequestBudget budget = RequestBudget.onePerSecond(clock);
        assertEquals(Duration.ZERO, budget.tryAcquire());
        assertEquals(Duration.ofSeconds(1), budget.tryAcquire());
        clock.advance(Duration.ofMillis(400));
        assertEquals(Duration.ofMillis(600), budget.tryAcquire());
        clock.advance(Duration.ofMillis(600));
        assertEquals(Duration.ZERO, budget.tryAcquire());
        assertTrue(budget.tryAcquire().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void burstIsCappedAndRateConfigurable() {
        RequestBudget budget = new RequestBudget(5.0, 3, clock);
        clock.advance(Duration.ofMinutes(10)); // idle time does not pile up beyond the burst
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, budget.tryAcquire());
        }
        assertEquals(Duration.ofMillis(200), budget.tryAcquire());
    }

    @Test
    void floodWaitPausesTheAccount() {
        RequestBudget budget = RequestBudget.onePerSecond(clock);
        budget.pause(Duration.ofSeconds(42));
        assertTrue(budget.isPaused());
        assertEquals(Duration.ofSeconds(42), budget.tryAcquire());
        clock.advance(Duration.ofSeconds(41));
        assertEquals(Duration.ofSeconds(1), budget.tryAcquire());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(budget.isPaused());
        assertEquals(Duration.ofSeconds(1), budget.tryAcquire(), "the bucket restarts empty after a pause");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, budget.tryAcquire());
    }

    @Test
    void shorterPauseDoesNotShortenALongerOne() {
        RequestBudget budget = RequestBudget.onePerSecond(clock);
        budget.pause(Duration.ofSeconds(60));
        budget.pause(Duration.ofSeconds(5));
        assertEquals(clock.instant().plusSeconds(60), budget.pausedUntil());
    }

    @Test
    void parsesFloodWait() {
        assertEquals(Optional.of(Duration.ofSeconds(17)),
                FloodWait.retryAfter(new TdError(429, "Too Many Requests: retry after 17")));
        assertEquals(Optional.of(Duration.ofSeconds(300)), FloodWait.retryAfter(new TdError(420, "FLOOD_WAIT_300")));
        assertEquals(Optional.of(FloodWait.DEFAULT_WAIT), FloodWait.retryAfter(new TdError(429, "Too Many Requests")));
        assertEquals(Optional.empty(), FloodWait.retryAfter(new TdError(400, "Chat not found")));
        assertEquals(Optional.empty(), FloodWait.retryAfter(new IllegalStateException("retry after 5")));
        CompletionException wrapped = new CompletionException(
                new TdException("getChatHistory", new TdError(429, "Too Many Requests: retry after 3")));
        assertEquals(Optional.of(Duration.ofSeconds(3)), FloodWait.retryAfter(wrapped));
    }

    @Test
    void accountsArePausedIndependently() {
        AccountRequestBudgets budgets = new AccountRequestBudgets(1.0, 1, clock);
        Throwable flood = new TdException("getChatHistory", new TdError(429, "Too Many Requests: retry after 30"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), budgets.onFailure("a", flood));
        assertEquals(Optional.empty(), budgets.onFailure("b",
                new TdException("getChat", new TdError(400, "Chat not found"))));
        assertEquals(Duration.ofSeconds(30), budgets.tryAcquire("a"));
        assertEquals(Duration.ZERO, budgets.tryAcquire("b"));
        assertTrue(budgets.budget("a").isPaused());
        assertFalse(budgets.budget("b").isPaused());
    }
}
