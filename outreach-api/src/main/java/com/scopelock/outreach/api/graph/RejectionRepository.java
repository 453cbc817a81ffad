package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A member's "not a fit" on {@code U4_Contact_Lead}: status {@code rejected} (the previous status is kept to
 * restore it) with who, when and why. Only a member the lead's claim leaves free may change it — the claimer, or
 * anyone while it is unclaimed or expired, the rule of {@link ClaimRepository} — decided in the same query as the
 * change. A do-not-contact lead is left as it is.
 */
@ApplicationScoped
public class RejectionRepository {
    private static final String ALLOWED = """
            WITH c, coalesce(c.do_not_contact, false) AS dnc,
            """ + ClaimRepository.freeFor("actor") + " AS free\n";
    private static final String ANSWER = """
            RETURN free AS free, dnc AS do_not_contact, c.outreach_status AS outreach_status,
                   c.claimed_by AS claimed_by, c.claimed_until AS claimed_until, c.rejected_reason AS rejected_reason,
                   c.rejected_by AS rejected_by, c.rejected_at AS rejected_at""";

    static final String REJECT = "MATCH (c:U4_Contact_Lead {slug: $slug})\n" + ALLOWED + """
            WITH c, dnc, free, free AND NOT dnc AND c.outreach_status <> 'rejected' AS apply
            SET c.status_before_rejection = CASE WHEN apply THEN c.outreach_status ELSE c.status_before_rejection END,
                c.outreach_status = CASE WHEN apply THEN 'rejected' ELSE c.outreach_status END,
                c.rejected_reason = CASE WHEN apply THEN $reason ELSE c.rejected_reason END,
                c.rejected_by = CASE WHEN apply THEN $actor ELSE c.rejected_by END,
                c.rejected_at = CASE WHEN apply THEN $now ELSE c.rejected_at END,
                c.updated_at = CASE WHEN apply THEN $now ELSE c.updated_at END,
                c.updated_by = CASE WHEN apply THEN $actor ELSE c.updated_by END
            """ + ANSWER;

    static final String UNDO = "MATCH (c:U4_Contact_Lead {slug: $slug})\n" + ALLOWED + """
            WITH c, dnc, free, free AND c.outreach_status = 'rejected' AS apply
            SET c.outreach_status = CASE WHEN apply THEN coalesce(c.status_before_rejection, 'pending') ELSE c.outreach_status END,
                c.status_before_rejection = CASE WHEN apply THEN null ELSE c.status_before_rejection END,
                c.rejected_reason = CASE WHEN apply THEN null ELSE c.rejected_reason END,
                c.rejected_by = CASE WHEN apply THEN null ELSE c.rejected_by END,
                c.rejected_at = CASE WHEN apply THEN null ELSE c.rejected_at END,
                c.updated_at = CASE WHEN apply THEN $now ELSE c.updated_at END,
                c.updated_by = CASE WHEN apply THEN $actor ELSE c.updated_by END
            """ + ANSWER;

    private final FalkorGraphClient graph;

    public RejectionRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    /** The lead after the query; {@code allowed} false when another member's valid claim refused the change. */
    public record Outcome(boolean allowed, boolean doNotContact, String outreachStatus, String claimedBy,
                          String claimedUntil, String reason, String rejectedBy, String rejectedAt) {
    }

    /** Empty when there is no such lead. */
    public Uni<Optional<Outcome>> reject(String slug, String reason, String actor, Instant now) {
        Map<String, Object> p = params(slug, actor, now);
        p.put("reason", reason);
        return graph.write(REJECT, p).map(RejectionRepository::outcome);
    }

    public Uni<Optional<Outcome>> undo(String slug, String actor, Instant now) {
        return graph.write(UNDO, params(slug, actor, now)).map(RejectionRepository::outcome);
    }

    private static Map<String, Object> params(String slug, String actor, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("slug", slug);
        p.put("actor", actor);
        p.put("now", GraphTime.format(now));
        return p;
    }

    private static Optional<Outcome> outcome(GraphResult result) {
        if (result.isEmpty()) {
            return Optional.empty();
        }
        GraphResult.Row row = result.row(0);
        return Optional.of(new Outcome(row.bool("free"), row.bool("do_not_contact"), row.string("outreach_status"),
                row.string("claimed_by"), row.string("claimed_until"), row.string("rejected_reason"),
                row.string("rejected_by"), row.string("rejected_at")));
    }
}
