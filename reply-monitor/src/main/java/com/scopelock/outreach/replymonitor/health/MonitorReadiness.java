package com.scopelock.outreach.replymonitor.health;

import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.replymonitor.service.MonitorLifecycle;
import com.scopelock.outreach.replymonitor.service.ReplyMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the grant consumer polls the broker and the watch list has been read to its end (so a session opened
 * now knows every chat it must watch).
 */
@Readiness
@ApplicationScoped
public class MonitorReadiness implements HealthCheck {
    private final MonitorLifecycle lifecycle;

    public MonitorReadiness(MonitorLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        ReplyMonitor m = lifecycle.monitor();
        boolean up = m != null && m.ready();
        return HealthCheckResponse.named("reply-monitor").status(up)
                .withData("grants", Topics.SESSION_GRANTS)
                .withData("watch", Topics.WATCH)
                .withData("sessions", m == null ? 0 : m.openSessions().size())
                .withData("chats", m == null ? 0 : m.chatCount())
                .build();
    }
}
