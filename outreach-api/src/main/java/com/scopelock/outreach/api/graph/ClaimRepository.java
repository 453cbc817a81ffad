package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Claims on {@code U4_Contact_Lead} ({@code claimed_by}, {@code claimed_until}). A claim is taken or refused in
 * one query: FalkorDB runs the write queries of a graph one at a time, so of two members claiming the same lead
 * at the same moment exactly one wins. A claim is free when nobody holds it, the caller holds it (it is
 * extended), or it has expired ({@code claimed_until <= now}; instants in {@link GraphTime}'s fixed format).
 */
@ApplicationScoped
public class ClaimRepository {
    /**
     * The claim rule as Cypher over lead {@code c}: the member in parameter {@code $member} may act on it when it is
     * unclaimed, claimed by them, or the claim has expired ({@code $now}).
     */
    static String freeFor(String member) {
        return "(c.claimed_by IS NULL OR c.claimed_by = $" + member + " OR c.claimed_until IS NULL OR c.claimed_until <= $now)";
    }

    static final String CLAIM = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            WITH c, coalesce(c.do_not_contact, false) AS dnc
            WITH c, dnc, NOT dnc AND """ + freeFor("owner") + """
             AS free
            SET c.claimed_by = CASE WHEN free THEN $owner ELSE c.claimed_by END,
                c.claimed_until = CASE WHEN free THEN $until ELSE c.claimed_until END
            RETURN free AS free, dnc AS do_not_contact, c.do_not_contact_reason AS do_not_contact_reason,
                   c.claimed_by AS claimed_by, c.claimed_until AS claimed_until,
                   c.slug AS id, c.telegram_id AS telegram_id, c.name AS name, c.profile_type AS profile_type,
                   c.supervisor_score AS supervisor_score, c.hustler_score AS hustler_score,
                   c.outreach_status AS outreach_status, c.matching_messages AS matching_messages,
                   c.sample_messages AS sample_messages, c.analysis_data AS analysis_data""";

    /** Releases the caller's own claim; someone else's valid claim stays. */
    static final String RELEASE = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            WITH c, (c.claimed_by = $owner) AS mine,
                 (c.claimed_by IS NOT NULL AND c.claimed_by <> $owner AND c.claimed_until > $now) AS others
            SET c.claimed_by = CASE WHEN mine THEN null ELSE c.claimed_by END,
                c.claimed_until = CASE WHEN mine THEN null ELSE c.claimed_until END
            RETURN mine AS released, others AS claimed_by_other, c.claimed_by AS claimed_by,
                   c.claimed_until AS claimed_until""";

    private final FalkorGraphClient graph;

    public ClaimRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    /** The lead as the generator needs it, and whether the claim was taken; empty when there is no such lead. */
    public record ClaimResult(boolean granted, String claimedBy, String claimedUntil, ClaimedLead lead,
                              boolean doNotContact, String doNotContactReason) {
    }

    public record ClaimedLead(String id, long telegramId, String name, String profileType, int supervisorScore,
                              int hustlerScore, String outreachStatus, String matchingMessages,
                              String sampleMessages, String analysisData) {
    }

    public Uni<Optional<ClaimResult>> claim(String slug, String owner, Instant now, Instant until) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("slug", slug);
        params.put("owner", owner);
        params.put("now", GraphTime.format(now));
        params.put("until", GraphTime.format(until));
        return graph.write(CLAIM, params).map(result -> {
            if (result.isEmpty()) {
                return Optional.empty();
            }
            GraphResult.Row row = result.row(0);
            return Optional.of(new ClaimResult(row.bool("free"), row.string("claimed_by"), row.string("claimed_until"),
                    new ClaimedLead(row.string("id"), row.number("telegram_id"), row.string("name"),
                            row.string("profile_type"), (int) row.number("supervisor_score"),
                            (int) row.number("hustler_score"), row.string("outreach_status"),
                            row.string("matching_messages"), row.string("sample_messages"),
                            row.string("analysis_data")), row.bool("do_not_contact"), row.string("do_not_contact_reason")));
        });
    }

    public record ReleaseResult(boolean released, boolean claimedByOther, String claimedBy, String claimedUntil) {
    }

    public Uni<Optional<ReleaseResult>> release(String slug, String owner, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("slug", slug);
        params.put("owner", owner);
        params.put("now", GraphTime.format(now));
        return graph.write(RELEASE, params).map(result -> result.isEmpty() ? Optional.empty() : Optional.of(
                new ReleaseResult(result.row(0).bool("released"), result.row(0).bool("claimed_by_other"),
                        result.row(0).string("claimed_by"), result.row(0).string("claimed_until"))));
    }
}
