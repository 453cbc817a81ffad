package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.ConversationRepository;
import com.scopelock.outreach.api.graph.SessionRepository;
import com.scopelock.outreach.api.messaging.SessionCommandPublisher;
import com.scopelock.outreach.model.SessionCommand;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.SessionStatusChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Connected Telegram sessions: grants in, status from the monitor, disconnect out. A conversation is part of the
 * session watching it and {@code active} while one does: a session reporting {@code active} takes over its
 * owner's conversations; when it goes (revoked, logged out, grant withdrawn) they move to another active session of
 * the owner or are {@code closed}.
 */
@ApplicationScoped
public class SessionService {
    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final SessionRepository sessions;
    private final SessionCommandPublisher commands;
    private final NotificationHub notifications;
    private final ConversationRepository conversations;

    public SessionService(SessionRepository sessions, SessionCommandPublisher commands, NotificationHub notifications,
                          ConversationRepository conversations) {
        this.conversations = conversations;
        this.sessions = sessions;
        this.commands = commands;
        this.notifications = notifications;
    }

    public Uni<Void> onGrant(SessionGranted grant) {
        return sessions.upsertGrant(grant.owner(), grant.sessionSlug(), grant.sealed(), grant.keyId(),
                        grant.telegramUserId(), grant.simulated(), grant.occurredAt().toString(), Instant.now().toString())
                .invoke(stored -> {
                    if (stored) {
                        notifications.publish(grant.owner(), "session", Map.of("session_id", grant.sessionSlug(), "status", "active"));
                    } else {
                        LOG.warnf("grant for session %s ignored: it belongs to another member", grant.sessionSlug());
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> onWithdrawn(String sessionSlug) {
        String now = Instant.now().toString();
        return sessions.withdraw(sessionSlug, now)
                .call(found -> found ? conversations.sessionGone(sessionSlug, now) : Uni.createFrom().voidItem())
                .replaceWithVoid();
    }

    public Uni<Void> onStatus(SessionStatusChanged status) {
        String now = Instant.now().toString();
        return sessions.status(status.owner(), status.sessionSlug(), status.status(), status.reason(), now)
                .call(stored -> !stored ? Uni.createFrom().voidItem()
                        : SessionStatusChanged.ACTIVE.equals(status.status())
                        ? conversations.adopt(status.owner(), status.sessionSlug(), now).replaceWithVoid()
                        : SessionStatusChanged.REVOKED.equals(status.status())
                          || SessionStatusChanged.LOGGED_OUT.equals(status.status())
                        ? conversations.sessionGone(status.sessionSlug(), now) : Uni.createFrom().voidItem())
                .invoke(stored -> {
                    if (stored) {
                        notifications.publish(status.owner(), "session", Map.of("session_id", status.sessionSlug(),
                                "status", status.status()));
                    }
                })
                .replaceWithVoid();
    }

    public Uni<List<SessionRepository.SessionRow>> list(String owner) {
        return sessions.ofOwner(owner);
    }

    /** False when the session is not the owner's. The monitor logs out and confirms with status logged_out. */
    public Uni<Boolean> disconnect(String owner, String sessionSlug) {
        return sessions.requestDisconnect(owner, sessionSlug, Instant.now().toString())
                .call(found -> found ? commands.publish(SessionCommand.disconnect(owner, sessionSlug, Instant.now()))
                        : Uni.createFrom().voidItem());
    }
}
