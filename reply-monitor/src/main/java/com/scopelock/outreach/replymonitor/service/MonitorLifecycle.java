package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.session.SessionSealer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs this process's one {@link ReplyMonitor} from start-up to shutdown (sessions closed and wiped on the way out). */
@ApplicationScoped
public class MonitorLifecycle {
    private final MonitorSettings settings;
    private final TelegramClientFactory telegram;
    private final SessionSealer sealer;
    private final MeterRegistry registry;
    private volatile ReplyMonitor monitor;

    public MonitorLifecycle(MonitorSettings settings, TelegramClientFactory telegram, SessionSealer sealer,
                            MeterRegistry registry) {
        this.settings = settings;
        this.telegram = telegram;
        this.sealer = sealer;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        monitor = new ReplyMonitor(settings, telegram, sealer, registry, SessionManager.OwnershipListener.NONE)
                .start();
    }

    void stop(@Observes ShutdownEvent event) {
        ReplyMonitor m = monitor;
        if (m != null) {
            m.close();
        }
    }

    public ReplyMonitor monitor() {
        return monitor;
    }
}
