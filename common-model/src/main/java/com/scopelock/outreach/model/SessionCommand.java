package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Topic {@link Topics#SESSION_COMMANDS}, key = session slug. Produced by outreach-api for the reply monitor that
 * owns the session. {@code command} is {@code disconnect}: log the session out of Telegram, report
 * {@code logged_out} on {@link Topics#SESSION_STATUS} and tombstone the grant. A command older than the session's
 * grant ({@code occurred_at} before the grant's) does not apply to it.
 */
public record SessionCommand(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String sessionSlug,
        String command) implements OutreachEvent {

    public static final String TYPE = "session.command";
    public static final int VERSION = 1;
    public static final String DISCONNECT = "disconnect";
    public static final Set<String> COMMANDS = Set.of(DISCONNECT);

    public static SessionCommand disconnect(String owner, String sessionSlug, Instant now) {
        return new SessionCommand(UUID.randomUUID(), TYPE, VERSION, now, owner, sessionSlug, DISCONNECT);
    }

    public String key() {
        return sessionSlug;
    }
}
