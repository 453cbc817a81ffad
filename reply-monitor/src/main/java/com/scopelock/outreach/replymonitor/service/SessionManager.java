package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.model.SessionCommand;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.SessionStatusChanged;
import com.scopelock.outreach.model.Topics;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The sessions this replica owns. Called by the grant consumer's thread for ownership changes (open on
 * assignment, close on revocation — synchronously, so a revoked partition's sessions are closed before the
 * consumer lets the rebalance go on), by the watch list for watch changes, by the command reader for disconnects,
 * and by sessions that found themselves revoked.
 */
public final class SessionManager implements SessionMonitor.Events {
    private static final Logger LOG = Logger.getLogger(SessionManager.class);

    /** Observes opens and closes (tests prove a session is never open in two replicas). */
    public interface OwnershipListener {
        OwnershipListener NONE = new OwnershipListener() {
        };

        default void opening(String sessionSlug) {
        }

        default void closed(String sessionSlug) {
        }
    }

    private final MonitorContext ctx;
    private final WatchRegistry watches;
    private final Map<String, SessionCommand> commands = new ConcurrentHashMap<>();
    private final OwnershipListener ownership;
    private final Map<String, SessionMonitor> sessions = new ConcurrentHashMap<>();
    /** Grants (by event id) found revoked or logged out in this lifetime: not opened again. */
    private final Set<String> deadGrants = ConcurrentHashMap.newKeySet();

    public SessionManager(MonitorContext ctx, WatchRegistry watches, OwnershipListener ownership) {
        this.ctx = ctx;
        this.watches = watches;
        this.ownership = ownership;
    }

    public int sessionCount() {
        return sessions.size();
    }

    public int chatCount() {
        return sessions.values().stream().mapToInt(SessionMonitor::chatCount).sum();
    }

    public Set<String> openSessions() {
        return Set.copyOf(sessions.keySet());
    }

    // ------------------------------------------------------------- ownership (grant consumer thread)

    /** Opens these grants (in parallel) and returns once every attempt has finished. */
    public void openAll(Collection<Owned> grants) {
        if (grants.isEmpty()) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (Owned g : grants) {
                all.add(pool.submit(() -> apply(g.partition(), g.grant())));
            }
            for (Future<?> f : all) {
                try {
                    f.get();
                } catch (Exception e) {
                    LOG.warnf("opening a session failed: %s", SessionMonitor.describe(e));
                }
            }
        }
    }

    public record Owned(int partition, SessionGranted grant) {
    }

    /** The latest grant of a session in an owned partition: open it (replacing an older grant of the slug). */
    public void apply(int partition, SessionGranted grant) {
        SessionMonitor current = sessions.get(grant.sessionSlug());
        if (current != null && current.grant().eventId().equals(grant.eventId())) {
            return;
        }
        if (current != null) {
            closeSession(current);
        }
        if (deadGrants.contains(grant.eventId().toString())) {
            return;
        }
        SessionMonitor session = new SessionMonitor(grant, partition, ctx, this);
        ownership.opening(grant.sessionSlug());
        try {
            session.open();
        } catch (SessionGoneException e) {
            session.close();
            ownership.closed(grant.sessionSlug());
            deadGrants.add(grant.eventId().toString());
            publishStatus(grant, SessionStatusChanged.REVOKED, e.getMessage());
            return;
        } catch (Exception e) {
            session.close();
            ownership.closed(grant.sessionSlug());
            LOG.errorf("session %s could not be opened: %s", grant.sessionSlug(), SessionMonitor.describe(e));
            return;
        }
        sessions.put(grant.sessionSlug(), session);
        session.syncWatches(watches.forOwner(grant.owner()));
        publishStatus(grant, SessionStatusChanged.ACTIVE, "monitoring");
        SessionCommand pending = commands.get(grant.sessionSlug());
        if (pending != null && applies(pending, grant)) {
            disconnect(session);
        }
    }

    /** Tombstone of a grant: close and wipe. */
    public void remove(String sessionSlug) {
        SessionMonitor s = sessions.get(sessionSlug);
        if (s != null) {
            closeSession(s);
        }
    }

    /** Partitions revoked (or lost): close their sessions now, before another replica may open them. */
    public void closePartitions(Collection<Integer> partitions) {
        List<SessionMonitor> closing = sessions.values().stream().filter(s -> partitions.contains(s.partition()))
                .toList();
        closeAll(closing);
    }

    public void closeAll() {
        closeAll(List.copyOf(sessions.values()));
    }

    private void closeAll(List<SessionMonitor> list) {
        if (list.isEmpty()) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            list.forEach(s -> pool.submit(() -> closeSession(s)));
        }
    }

    private void closeSession(SessionMonitor s) {
        sessions.remove(s.slug(), s);
        s.close();
        ownership.closed(s.slug());
    }

    // ------------------------------------------------------------- watches and commands

    public void watchesChanged(String owner) {
        for (SessionMonitor s : sessions.values()) {
            if (s.owner().equals(owner)) {
                s.syncWatches(watches.forOwner(owner));
            }
        }
    }

    public void command(SessionCommand command) {
        if (!SessionCommand.DISCONNECT.equals(command.command())) {
            LOG.warnf("unknown session command %s ignored", command.command());
            return;
        }
        commands.merge(command.sessionSlug(), command,
                (a, b) -> b.occurredAt().isAfter(a.occurredAt()) ? b : a);
        SessionMonitor s = sessions.get(command.sessionSlug());
        if (s != null && applies(command, s.grant())) {
            Thread.ofVirtual().name("disconnect-" + s.slug()).start(() -> disconnect(s));
        }
    }

    private static boolean applies(SessionCommand command, SessionGranted grant) {
        return command.owner().equals(grant.owner()) && !command.occurredAt().isBefore(grant.occurredAt());
    }

    private void disconnect(SessionMonitor s) {
        try {
            s.logOut();
        } catch (Exception e) {
            LOG.warnf("logOut of %s did not complete: %s", s.slug(), SessionMonitor.describe(e));
        }
        deadGrants.add(s.grant().eventId().toString());
        closeSession(s);
        publishStatus(s.grant(), SessionStatusChanged.LOGGED_OUT, "disconnect command");
        ctx.publisher().tombstoneGrant(s.slug()).whenComplete((ok, e) -> {
            if (e != null) {
                LOG.errorf("grant tombstone for %s not published: %s", s.slug(), e.getClass().getSimpleName());
            }
        });
        LOG.infof("session %s logged out on command", s.slug());
    }

    // ------------------------------------------------------------- session events

    @Override
    public void gone(SessionMonitor session, String status, String reason) {
        if (!deadGrants.add(session.grant().eventId().toString())) {
            return;
        }
        LOG.warnf("session %s of %s is %s (%s): dropped", session.slug(), session.owner(), status, reason);
        publishStatus(session.grant(), status, reason);
        Thread.ofVirtual().name("drop-" + session.slug()).start(() -> closeSession(session));
    }

    @Override
    public void status(SessionMonitor session, String status, String reason) {
        publishStatus(session.grant(), status, reason);
    }

    private void publishStatus(SessionGranted grant, String status, String reason) {
        SessionStatusChanged event = SessionStatusChanged.of(grant.owner(), grant.sessionSlug(), status, reason,
                ctx.clock().instant());
        ctx.publisher().publish(Topics.SESSION_STATUS, event.key(), event).whenComplete((ok, e) -> {
            if (e != null) {
                LOG.errorf("status %s of %s not published: %s", status, grant.sessionSlug(),
                        e.getClass().getSimpleName());
            }
        });
    }
}
