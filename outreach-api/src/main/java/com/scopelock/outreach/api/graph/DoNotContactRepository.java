package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Do-not-contact on {@code U4_Contact_Lead}: the lead leaves the queue (status {@code do_not_contact}), its claim
 * is dropped, and it cannot be claimed or generated for until the mark is removed, which restores its status.
 */
@ApplicationScoped
public class DoNotContactRepository {
    /** The mark itself, after a MATCH of {@code c}; the previous status is kept to restore it. */
    private static final String SET_MARK = """
            SET c.status_before_dnc = CASE WHEN c.outreach_status = 'do_not_contact' THEN c.status_before_dnc ELSE c.outreach_status END,
                c.outreach_status = 'do_not_contact', c.do_not_contact = true, c.do_not_contact_reason = $reason,
                c.do_not_contact_by = $actor, c.do_not_contact_at = coalesce(c.do_not_contact_at, $now),
                c.claimed_by = null, c.claimed_until = null, c.updated_at = $now, c.updated_by = $actor
            RETURN c.slug AS id, c.outreach_status AS outreach_status""";

    static final String MARK = "MATCH (c:U4_Contact_Lead {slug: $slug})\n" + SET_MARK;

    /** Unsubscribe replies mark the lead of the conversation. */
    static final String MARK_BY_TELEGRAM_ID = "MATCH (c:U4_Contact_Lead {telegram_id: $telegram_id})\n" + SET_MARK;

    /** Lifting the mark, after a MATCH of {@code c}: the previous status comes back. */
    private static final String SET_UNMARK = """
            SET c.outreach_status = CASE WHEN c.outreach_status = 'do_not_contact' THEN coalesce(c.status_before_dnc, 'pending')
                                         ELSE c.outreach_status END,
                c.do_not_contact = false, c.do_not_contact_reason = null, c.do_not_contact_by = null,
                c.do_not_contact_at = null, c.status_before_dnc = null, c.updated_at = $now, c.updated_by = $actor
            RETURN c.slug AS id, c.outreach_status AS outreach_status""";

    static final String UNMARK = "MATCH (c:U4_Contact_Lead {slug: $slug})\n" + SET_UNMARK;

    /** A member corrected the opt-out label that set the mark: only a mark the label set is lifted. */
    static final String UNMARK_LABEL_OPT_OUT = """
            MATCH (c:U4_Contact_Lead {telegram_id: $telegram_id})
            WHERE c.do_not_contact = true AND c.do_not_contact_by = $marked_by
            """ + SET_UNMARK;

    private final FalkorGraphClient graph;

    public DoNotContactRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    /** The lead's status after the change; empty when there is no such lead. */
    public Uni<Optional<String>> mark(String slug, String reason, String actor, String now) {
        return graph.write(MARK, params("slug", slug, reason, actor, now)).map(DoNotContactRepository::status);
    }

    public Uni<Optional<String>> markByTelegramId(long telegramId, String reason, String actor, String now) {
        return graph.write(MARK_BY_TELEGRAM_ID, params("telegram_id", telegramId, reason, actor, now))
                .map(DoNotContactRepository::status);
    }

    public Uni<Optional<String>> unmark(String slug, String actor, String now) {
        return graph.write(UNMARK, Map.of("slug", slug, "actor", actor, "now", now)).map(DoNotContactRepository::status);
    }

    /** Empty when there was no mark set by {@code markedBy} (e.g. a member set it, or none). */
    public Uni<Optional<String>> unmarkIfMarkedBy(long telegramId, String markedBy, String actor, String now) {
        return graph.write(UNMARK_LABEL_OPT_OUT, Map.of("telegram_id", telegramId, "marked_by", markedBy,
                "actor", actor, "now", now)).map(DoNotContactRepository::status);
    }

    private static Map<String, Object> params(String key, Object value, String reason, String actor, String now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(key, value);
        p.put("reason", reason);
        p.put("actor", actor);
        p.put("now", now);
        return p;
    }

    private static Optional<String> status(GraphResult result) {
        return result.isEmpty() ? Optional.empty() : Optional.of(result.row(0).string("outreach_status"));
    }
}
