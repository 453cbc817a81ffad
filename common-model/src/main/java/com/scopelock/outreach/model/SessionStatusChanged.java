package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Topic {@link Topics#SESSION_STATUS}, key = session slug. The reply monitor's view of a team member's Telegram
 * session: {@code active} (opened and monitoring), {@code revoked} (terminated from the phone / 401 — the member
 * must reconnect), {@code flood_wait} (Telegram asked to slow down; {@code reason} says for how long),
 * {@code logged_out} (after a disconnect command). {@code reason} is for people, never holds secrets.
 */
public record SessionStatusChanged(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String sessionSlug,
        String status,
        String reason) implements OutreachEvent {

    public static final String TYPE = "session.status-changed";
    public static final int VERSION = 1;
    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";
    public static final String FLOOD_WAIT = "flood_wait";
    public static final String LOGGED_OUT = "logged_out";
    public static final Set<String> STATUSES = Set.of(ACTIVE, REVOKED, FLOOD_WAIT, LOGGED_OUT);

    public static SessionStatusChanged of(String owner, String sessionSlug, String status, String reason,
                                          Instant now) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown session status " + status);
        }
        return new SessionStatusChanged(UUID.randomUUID(), TYPE, VERSION, now, owner, sessionSlug, status, reason);
    }

    public String key() {
        return sessionSlug;
    }
}
