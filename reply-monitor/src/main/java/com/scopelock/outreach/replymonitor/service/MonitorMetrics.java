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
 * session's chats), {@code reply_monitor_telegram_requests} and {@code reply_monitor_flood_waits} per account,
 * gauges for open sessions and watched chats.
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

    public void request(String account, String function) {
        Counter.builder("reply_monitor_telegram_requests").tag("account", account).tag("function", function)
                .register(registry).increment();
    }

    public void floodWait(String account) {
        Counter.builder("reply_monitor_flood_waits").tag("account", account).register(registry).increment();
    }

    public double requests(String account) {
        return registry.find("reply_monitor_telegram_requests").tag("account", account).counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
