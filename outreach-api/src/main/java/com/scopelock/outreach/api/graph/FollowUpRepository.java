package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's follow-up ({@code follow_up_status} open | done | cancelled, {@code follow_up_due_at},
 * {@code follow_up_set_by}, {@code follow_up_set_at}). Sending opens one (mark-sent and sent detection, in their own
 * queries), a reply cancels an open one (stop on reply); a member sets, snoozes, finishes or cancels it here, as
 * the lead's claim allows (the rule of {@link ClaimRepository}), with its timeline event in the same query.
 */
@ApplicationScoped
public class FollowUpRepository {
    private static final String FREE = ClaimRepository.freeFor("actor");

    static final String STATE = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            RETURN coalesce(c.outreach_status, 'pending') AS stage, c.contacted_at AS contacted_at,
                   c.follow_up_status AS status, c.follow_up_due_at AS due_at, c.claimed_by AS claimed_by,
                   c.claimed_until AS claimed_until, """ + FREE + " AS free";

    /** Only if nothing changed since {@link #STATE} (status and due date as read, claim still free). */
    static final String UPDATE = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            WHERE coalesce(c.follow_up_status, '') = $seen_status AND coalesce(c.follow_up_due_at, '') = $seen_due
              AND """ + FREE + """

            SET c.follow_up_status = $status, c.follow_up_due_at = $due_at, c.follow_up_set_by = $actor,
                c.follow_up_set_at = $now, c.updated_at = $now, c.updated_by = $actor
            """ + TimelineEvents.APPEND + """
            RETURN c.follow_up_status AS status, c.follow_up_due_at AS due_at, c.follow_up_set_by AS set_by,
                   c.follow_up_set_at AS set_at""";

    private final FalkorGraphClient graph;

    public FollowUpRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    public record State(String stage, String contactedAt, String status, String dueAt, boolean free, String claimedBy,
                        String claimedUntil) {
    }

    public record FollowUp(String status, String dueAt, String setBy, String setAt) {
    }

    public Uni<Optional<State>> state(String slug, String actor, Instant now) {
        return graph.read(STATE, Map.of("slug", slug, "actor", actor, "now", GraphTime.format(now))).map(r -> {
            if (r.isEmpty()) {
                return Optional.empty();
            }
            GraphResult.Row row = r.row(0);
            return Optional.of(new State(row.string("stage"), row.string("contacted_at"), row.string("status"),
                    row.string("due_at"), row.bool("free"), row.string("claimed_by"), row.string("claimed_until")));
        });
    }

    /** Empty when the follow-up or the claim changed since {@code seen} was read. */
    public Uni<Optional<FollowUp>> update(String slug, State seen, String status, String dueAt, String kind,
                                         String actor, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("slug", slug);
        p.put("seen_status", seen.status() == null ? "" : seen.status());
        p.put("seen_due", seen.dueAt() == null ? "" : seen.dueAt());
        p.put("status", status);
        p.put("due_at", dueAt);
        p.put("actor", actor);
        p.put("now", GraphTime.format(now));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", status);
        detail.put("due_at", dueAt);
        detail.put("previous_due_at", seen.dueAt());
        TimelineEvents.params(p, kind, detail);
        return graph.write(UPDATE, p).map(r -> r.isEmpty() ? Optional.empty() : Optional.of(new FollowUp(
                r.row(0).string("status"), r.row(0).string("due_at"), r.row(0).string("set_by"), r.row(0).string("set_at"))));
    }
}
