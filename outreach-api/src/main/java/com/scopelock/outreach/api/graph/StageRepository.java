package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A member moves a lead's stage ({@code outreach_status}). The service reads the lead, decides the move with
 * outreach-rules' {@code Pipeline}, and writes it only if the lead is still in the stage it read and the claim
 * still leaves the member free (the rule of {@link ClaimRepository}); otherwise the write matches nothing.
 * The move and its timeline event are one query.
 */
@ApplicationScoped
public class StageRepository {
    private static final String FREE = ClaimRepository.freeFor("actor");

    static final String STATE = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            RETURN coalesce(c.outreach_status, 'pending') AS stage, c.contacted_at IS NOT NULL AS contacted,
                   c.replied_at IS NOT NULL AS replied, c.claimed_by AS claimed_by, c.claimed_until AS claimed_until,
                   """ + FREE + " AS free";

    /**
     * Into rejected it keeps who/when/why and the stage before, as POST …/reject does; out of it they are cleared.
     * Every value that depends on the lead is computed in a WITH before the SET, which only assigns: FalkorDB 4.16
     * reads wrong values in a SET item after an earlier item of the same SET removed a property (set it to null).
     */
    static final String MOVE = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            WHERE coalesce(c.outreach_status, 'pending') = $from AND """ + FREE + """

            WITH c, $from <> 'rejected' AND $to = 'rejected' AS rejecting, $from = 'rejected' AND $to <> 'rejected' AS reopening
            WITH c, CASE WHEN $from <> $to OR c.stage_changed_at IS NULL THEN $now ELSE c.stage_changed_at END AS changed_at,
                 CASE WHEN $to = 'contacted' THEN coalesce(c.contacted_at, $now) ELSE c.contacted_at END AS contacted_at,
                 CASE WHEN rejecting THEN $from WHEN reopening THEN null ELSE c.status_before_rejection END AS before_rejection,
                 CASE WHEN rejecting THEN $actor WHEN reopening THEN null ELSE c.rejected_by END AS rejected_by,
                 CASE WHEN rejecting THEN $now WHEN reopening THEN null ELSE c.rejected_at END AS rejected_at,
                 CASE WHEN rejecting THEN $note WHEN reopening THEN null ELSE c.rejected_reason END AS rejected_reason
            SET c.outreach_status = $to, c.stage_changed_at = changed_at, c.stage_changed_by = $actor,
                c.contacted_at = contacted_at, c.updated_at = $now, c.updated_by = $actor, c.stage_note = $note,
                c.not_now_until = $until, c.status_before_rejection = before_rejection, c.rejected_by = rejected_by,
                c.rejected_at = rejected_at, c.rejected_reason = rejected_reason
            """ + TimelineEvents.APPEND + """
            RETURN c.outreach_status AS stage, c.stage_changed_at AS stage_changed_at, c.stage_changed_by AS stage_changed_by,
                   c.stage_note AS note, c.not_now_until AS until""";

    private final FalkorGraphClient graph;

    public StageRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    public record State(String stage, boolean contacted, boolean replied, boolean free, String claimedBy,
                        String claimedUntil) {
    }

    public record Moved(String stage, String stageChangedAt, String stageChangedBy, String note, String until) {
    }

    public Uni<Optional<State>> state(String slug, String actor, Instant now) {
        return graph.read(STATE, Map.of("slug", slug, "actor", actor, "now", GraphTime.format(now))).map(result -> {
            if (result.isEmpty()) {
                return Optional.empty();
            }
            GraphResult.Row row = result.row(0);
            return Optional.of(new State(row.string("stage"), row.bool("contacted"), row.bool("replied"),
                    row.bool("free"), row.string("claimed_by"), row.string("claimed_until")));
        });
    }

    /** Empty when the lead left {@code from} or was claimed by another member since {@link #state}. */
    public Uni<Optional<Moved>> move(String slug, String from, String to, String note, String until, String actor,
                                     Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("slug", slug);
        p.put("from", from);
        p.put("to", to);
        p.put("note", note);
        p.put("until", until);
        p.put("actor", actor);
        p.put("now", GraphTime.format(now));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", from);
        detail.put("to", to);
        detail.put("note", note);
        detail.put("until", until);
        TimelineEvents.params(p, "stage_changed", detail);
        return graph.write(MOVE, p).map(result -> {
            if (result.isEmpty()) {
                return Optional.empty();
            }
            GraphResult.Row row = result.row(0);
            return Optional.of(new Moved(row.string("stage"), row.string("stage_changed_at"),
                    row.string("stage_changed_by"), row.string("note"), row.string("until")));
        });
    }
}
