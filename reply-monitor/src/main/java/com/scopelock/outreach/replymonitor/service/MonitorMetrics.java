package com.scopelock.outreach.replymonitor.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * reply-monitor's Micrometer meters: {@code reply_monitor_detection_latency} (Telegram message date → event
 * published; Telegram dates have 1 s resolution), {@code reply_monitor_poll_cycle} (one reconciliation pass over a
 * session's chats), {@code reply_monitor_tdlib_requests} (every TDLib request by session, function and outcome) and
 * {@code reply_monitor_flood_waits} per session, gauges for open sessions and watched chats. Sessions are tagged
 * with their slug, never with Telegram ids or anything secret.
 */
public final class MonitorMetrics {
    private final MeterRegistry registry;

    public MonitorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The suppliers are method references nobody else holds: Micrometer keeps gauge state weakly by default, so
     * without {@code strongReference} they were collected and the gauges read NaN (seen in the benchmark).
     */
    public void gauges(Supplier<Number> sessions, Supplier<Number> chats) {
        Gauge.builder("reply_monitor_sessions", sessions, s -> s.get().doubleValue()).strongReference(true).register(registry);
        Gauge.builder("reply_monitor_watched_chats", chats, s -> s.get().doubleValue()).strongReference(true).register(registry);
    }

    public void detected(String kind, String path, Duration latency) {
        Timer.builder("reply_monitor_detection_latency").tag("kind", kind).tag("path", path)
                .publishPercentiles(0.5, 0.95, 0.99).register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void pollCycle(Duration duration) {
        Timer.builder("reply_monitor_poll_cycle").publishPercentiles(0.5, 0.95).register(registry).record(duration);
    }

    /** {@code outcome}: ok, not_found, flood_wait, error. */
    public void request(String session, String function, String outcome) {
        Counter.builder("reply_monitor_tdlib_requests").description("TDLib requests by session, function and outcome")
                .tag("session", session).tag("function", function).tag("outcome", outcome)
                .register(registry).increment();
    }

    public void floodWait(String session) {
        Counter.builder("reply_monitor_flood_waits").tag("session", session).register(registry).increment();
    }

    /** Every TDLib request of the session so far. */
    public double requests(String session) {
        return registry.find("reply_monitor_tdlib_requests").tag("session", session).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    public double requests(String session, String outcome) {
        return requests(session, null, outcome);
    }

    /** Null function or outcome: any. */
    public double requests(String session, String function, String outcome) {
        var search = registry.find("reply_monitor_tdlib_requests").tag("session", session);
        if (function != null) {
            search = search.tag("function", function);
        }
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
