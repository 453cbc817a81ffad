package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code U4_Telegram_Session} nodes from the grants of telegram-auth-service. The sealed database is stored so
 * that the graph holds every session, but no query here ever returns it.
 */
@ApplicationScoped
public class SessionRepository {

    /** A grant for a session of another owner never rewrites it. */
    static final String UPSERT_GRANT = """
            MERGE (s:U4_Telegram_Session {slug: $slug})
            ON CREATE SET s.owner = $owner, s.authorized_by = $owner, s.created_at = $now, s.created_by = 'telegram-auth-service'
            WITH s
            WHERE s.owner = $owner
            SET s.sealed_session = $sealed, s.key_id = $key_id, s.telegram_user_id = $telegram_user_id,
                s.simulated = $simulated, s.is_active = true, s.is_monitoring = true, s.status = 'active',
                s.connected_at = $occurred_at, s.disconnected_at = null, s.updated_at = $now, s.updated_by = 'telegram-auth-service'
            RETURN s.slug AS slug""";

    /** The grant was withdrawn (tombstone): the session is gone, its sealed database with it. */
    static final String WITHDRAW = """
            MATCH (s:U4_Telegram_Session {slug: $slug})
            SET s.is_active = false, s.is_monitoring = false, s.sealed_session = null,
                s.status = CASE WHEN s.status = 'revoked' THEN 'revoked' ELSE 'logged_out' END,
                s.disconnected_at = coalesce(s.disconnected_at, $now), s.updated_at = $now, s.updated_by = 'reply-monitor'
            RETURN s.slug AS slug""";

    static final String STATUS = """
            MATCH (s:U4_Telegram_Session {slug: $slug, owner: $owner})
            SET s.status = $status, s.status_reason = $reason,
                s.is_active = $status IN ['active', 'flood_wait'], s.is_monitoring = $status IN ['active', 'flood_wait'],
                s.disconnected_at = CASE WHEN $status IN ['revoked', 'logged_out'] THEN coalesce(s.disconnected_at, $now) ELSE null END,
                s.updated_at = $now, s.updated_by = 'reply-monitor'
            RETURN s.slug AS slug""";

    static final String OF_OWNER = """
            MATCH (s:U4_Telegram_Session {owner: $owner})
            RETURN s.slug AS session_id, s.status AS status, s.is_active AS is_active, s.is_monitoring AS is_monitoring,
                   s.telegram_user_id AS telegram_user_id, s.simulated AS simulated, s.connected_at AS connected_at,
                   s.disconnected_at AS disconnected_at, s.status_reason AS status_reason
            ORDER BY s.connected_at DESC""";

    static final String REQUEST_DISCONNECT = """
            MATCH (s:U4_Telegram_Session {slug: $slug, owner: $owner})
            SET s.status = CASE WHEN s.is_active THEN 'disconnecting' ELSE s.status END,
                s.updated_at = $now, s.updated_by = $owner
            RETURN s.slug AS slug, s.is_active AS is_active""";

    private final FalkorGraphClient graph;

    public SessionRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    public record SessionRow(String sessionId, String status, boolean isActive, boolean isMonitoring,
                             Long telegramUserId, boolean simulated, String connectedAt, String disconnectedAt,
                             String statusReason) {
    }

    public Uni<Boolean> upsertGrant(String owner, String slug, String sealed, String keyId, long telegramUserId,
                                    boolean simulated, String occurredAt, String now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("owner", owner);
        p.put("slug", slug);
        p.put("sealed", sealed);
        p.put("key_id", keyId);
        p.put("telegram_user_id", telegramUserId);
        p.put("simulated", simulated);
        p.put("occurred_at", occurredAt);
        p.put("now", now);
        return graph.write(UPSERT_GRANT, p).map(r -> !r.isEmpty());
    }

    public Uni<Boolean> withdraw(String slug, String now) {
        return graph.write(WITHDRAW, Map.of("slug", slug, "now", now)).map(r -> !r.isEmpty());
    }

    public Uni<Boolean> status(String owner, String slug, String status, String reason, String now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("owner", owner);
        p.put("slug", slug);
        p.put("status", status);
        p.put("reason", reason);
        p.put("now", now);
        return graph.write(STATUS, p).map(r -> !r.isEmpty());
    }

    public Uni<List<SessionRow>> ofOwner(String owner) {
        return graph.read(OF_OWNER, Map.of("owner", owner)).map(r -> r.all().stream().map(row -> new SessionRow(
                row.string("session_id"), row.string("status"), row.bool("is_active"), row.bool("is_monitoring"),
                row.optionalNumber("telegram_user_id"), row.bool("simulated"), row.string("connected_at"),
                row.string("disconnected_at"), row.string("status_reason"))).toList());
    }

    /** False when the session is not the owner's (so the caller answers 404). */
    public Uni<Boolean> requestDisconnect(String owner, String slug, String now) {
        return graph.write(REQUEST_DISCONNECT, Map.of("owner", owner, "slug", slug, "now", now)).map(r -> !r.isEmpty());
    }
}
