package com.scopelock.outreach.replymonitor.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MonitorMetricsTest {

    @Test
    void gaugesKeepReadingAfterAGarbageCollection() throws InterruptedException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger sessions = new AtomicInteger(3);
        new MonitorMetrics(registry).gauges(sessions::get, () -> 42);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        sessions.set(5);
        assertEquals(5.0, registry.get("reply_monitor_sessions").gauge().value());
        assertEquals(42.0, registry.get("reply_monitor_watched_chats").gauge().value());
    }
}
