package com.scopelock.outreach.auth.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * {@code telegram_auth_logins_total{outcome=started|authorized|expired|failed|cancelled}} and the gauge
 * {@code telegram_auth_live_clients} (TDLib clients this replica holds).
 */
@ApplicationScoped
public class AuthMetrics {
    private final MeterRegistry registry;
    private final Counter started;
    private final Counter authorized;
    private final Counter expired;
    private final Counter failed;
    private final Counter cancelled;

    public AuthMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.started = counter("started");
        this.authorized = counter("authorized");
        this.expired = counter("expired");
        this.failed = counter("failed");
        this.cancelled = counter("cancelled");
    }

    private Counter counter(String outcome) {
        return Counter.builder("telegram.auth.logins").description("QR logins by outcome").tag("outcome", outcome)
                .register(registry);
    }

    /** The gauge holds the supplier strongly: a weakly held one (Micrometer's default) is collected and reads NaN. */
    public void liveClients(Supplier<Number> live) {
        Gauge.builder("telegram.auth.live.clients", live, s -> s.get().doubleValue()).strongReference(true)
                .description("TDLib clients of QR logins this replica holds").register(registry);
    }

    public void started() {
        started.increment();
    }

    public void authorized() {
        authorized.increment();
    }

    public void expired() {
        expired.increment();
    }

    public void failed() {
        failed.increment();
    }

    public void cancelled() {
        cancelled.increment();
    }
}
