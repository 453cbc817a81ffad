package com.scopelock.outreach.auth.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuthMetricsTest {

    /** Before: the gauge held its supplier weakly, so after a collection it read NaN on /q/metrics. */
    @Test
    void theLiveClientsGaugeStillReadsAfterGarbageCollection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AuthMetrics metrics = new AuthMetrics(registry);
        AtomicInteger live = new AtomicInteger(3);
        metrics.liveClients(live::get); // a fresh bound method reference: nothing but the gauge refers to it

        WeakReference<Object> canary = new WeakReference<>(new Object());
        for (int i = 0; i < 50 && canary.get() != null; i++) {
            System.gc();
        }
        assertNull(canary.get(), "a collection ran");
        assertEquals(3.0, registry.get("telegram.auth.live.clients").gauge().value());
        live.set(5);
        assertEquals(5.0, registry.get("telegram.auth.live.clients").gauge().value());
    }
}
