package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Do-not-contact on {@code U4_Contact_Lead}. A member may set or lift a mark when nobody else holds a valid claim
 * on the lead (the claimer, or anyone while it is unclaimed); a mark the lead set itself (source {@code lead}: an
 * opt-out reply, or a member's correction of a reply's label to one) is lifted only with an explicit reason. Who set
 * it, when and why, and who lifted it, when and why, stay on the node. The claim is never touched: while marked,
 * nobody can claim or generate (see {@link ClaimRepository}), and the claimer keeps the claim until it ends.
 * Each decision and its write are one query, so two members racing cannot both pass the check.
 */
@ApplicationScoped
public class DoNotContactRepository {
    /** Marks written before the source was recorded: the reply path signed them as message-generator. */
    private static final String SOURCE = "coalesce(c.do_not_contact_source, CASE WHEN c.do_not_contact_by = "
            + "'message-generator' THEN 'lead' ELSE 'member' END)";

    private static final String RETURN = """
            RETURN apply AS changed, others AS claimed_by_other, c.claimed_by AS claimed_by,
                   c.claimed_until AS claimed_until, c.slug AS id, c.outreach_status AS outreach_status,
                   coalesce(c.do_not_contact, false) AS do_not_contact, c.do_not_contact_reason AS reason,
                   c.do_not_contact_by AS marked_by, c.do_not_contact_at AS marked_at,
                   %s AS source, c.do_not_contact_lifted_by AS lifted_by,
                   c.do_not_contact_lifted_at AS lifted_at, c.do_not_contact_lift_reason AS lift_reason"""
            .formatted(SOURCE);

    /** A member's mark, after a MATCH of {@code c}: refused while another member's claim is valid; an existing mark stays. */
    private static final String MEMBER_MARK = """
            WITH c, coalesce(c.do_not_contact, false) AS marked,
                 (c.claimed_by IS NOT NULL AND c.claimed_by <> $actor AND c.claimed_until > $now) AS others
            WITH c, others, (NOT marked AND NOT others) AS apply
            SET c.status_before_dnc = CASE WHEN apply THEN c.outreach_status ELSE c.status_before_dnc END,
                c.outreach_status = CASE WHEN apply THEN 'do_not_contact' ELSE c.outreach_status END,
                c.do_not_contact = CASE WHEN apply THEN true ELSE c.do_not_contact END,
                c.do_not_contact_reason = CASE WHEN apply THEN $reason ELSE c.do_not_contact_reason END,
                c.do_not_contact_by = CASE WHEN apply THEN $actor ELSE c.do_not_contact_by END,
                c.do_not_contact_at = CASE WHEN apply THEN $now ELSE c.do_not_contact_at END,
                c.do_not_contact_source = CASE WHEN apply THEN 'member' ELSE c.do_not_contact_source END,
                c.updated_at = CASE WHEN apply THEN $now ELSE c.updated_at END,
                c.updated_by = CASE WHEN apply THEN $actor ELSE c.updated_by END
            """ + RETURN;

    static final String MARK = "MATCH (c:U4_Contact_Lead {slug: $slug})\n" + MEMBER_MARK;

    /** A member's mark on the lead of a conversation (confirming a negative label's suggestion). */
    static final String MARK_BY_TELEGRAM_ID = "MATCH (c:U4_Contact_Lead {telegram_id: $telegram_id})\n" + MEMBER_MARK;

    /** The lead's own opt-out (an opt-out reply): always applies, and outranks a member's mark. */
    static final String MARK_BY_LEAD = """
            MATCH (c:U4_Contact_Lead {telegram_id: $telegram_id})
            WITH c, true AS apply, false AS others
            SET c.status_before_dnc = CASE WHEN coalesce(c.do_not_contact, false) THEN c.status_before_dnc
                                           ELSE c.outreach_status END,
                c.outreach_status = 'do_not_contact', c.do_not_contact = true, c.do_not_contact_reason = $reason,
                c.do_not_contact_by = $actor, c.do_not_contact_at = $now, c.do_not_contact_source = 'lead',
                c.updated_at = $now, c.updated_by = $actor
            """ + RETURN;

    /** Lifting, after {@code WITH c, others, apply}: the previous status comes back; the lift's who/when/why are added. */
    private static final String LIFT = """
            SET c.outreach_status = CASE WHEN apply THEN coalesce(c.status_before_dnc, 'pending') ELSE c.outreach_status END,
                c.do_not_contact = CASE WHEN apply THEN false ELSE c.do_not_contact END,
                c.status_before_dnc = CASE WHEN apply THEN null ELSE c.status_before_dnc END,
                c.do_not_contact_lifted_by = CASE WHEN apply THEN $actor ELSE c.do_not_contact_lifted_by END,
                c.do_not_contact_lifted_at = CASE WHEN apply THEN $now ELSE c.do_not_contact_lifted_at END,
                c.do_not_contact_lift_reason = CASE WHEN apply THEN $reason ELSE c.do_not_contact_lift_reason END,
                c.updated_at = CASE WHEN apply THEN $now ELSE c.updated_at END,
                c.updated_by = CASE WHEN apply THEN $actor ELSE c.updated_by END
            """ + RETURN;

    /**
     * A member lifts a mark: refused while another member's claim is valid, and for the lead's own opt-out without
     * a reason. The mark's who/when/why stay.
     */
    static final String UNMARK = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            WITH c, coalesce(c.do_not_contact, false) AS marked,
                 (c.claimed_by IS NOT NULL AND c.claimed_by <> $actor AND c.claimed_until > $now) AS others,
                 %s = 'lead' AS opted_out
            WITH c, others, (marked AND NOT others AND (NOT opted_out OR $reason IS NOT NULL)) AS apply
            """.formatted(SOURCE) + LIFT;

    /**
     * The owner corrected the opt-out label that set the mark: only the mark that label set (by {@code $marked_by})
     * is lifted, with the correction as the reason. No claim check: the correction says the lead never opted out,
     * and it moves no claim.
     */
    static final String UNMARK_LABEL_OPT_OUT = """
            MATCH (c:U4_Contact_Lead {telegram_id: $telegram_id})
            WHERE c.do_not_contact = true AND c.do_not_contact_by = $marked_by
            WITH c, false AS others, true AS apply
            """ + LIFT;

    private final FalkorGraphClient graph;

    public DoNotContactRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    /** The lead's mark after the call, and whether this call changed it; empty when there is no such lead. */
    public record Mark(boolean changed, boolean claimedByOther, String claimedBy, String claimedUntil,
                       String outreachStatus, boolean doNotContact, String reason, String markedBy, String markedAt,
                       String source, String liftedBy, String liftedAt, String liftReason) {
    }

    public Uni<Optional<Mark>> mark(String slug, String reason, String actor, Instant now) {
        return graph.write(MARK, params("slug", slug, reason, actor, now)).map(DoNotContactRepository::mark);
    }

    /** A member's mark on the lead a conversation is with. */
    public Uni<Optional<Mark>> markByTelegramId(long telegramId, String reason, String actor, Instant now) {
        return graph.write(MARK_BY_TELEGRAM_ID, params("telegram_id", telegramId, reason, actor, now))
                .map(DoNotContactRepository::mark);
    }

    /** The lead asked not to be contacted (an opt-out reply in a conversation with {@code telegramId}). */
    public Uni<Optional<Mark>> markByLead(long telegramId, String reason, String actor, Instant now) {
        return graph.write(MARK_BY_LEAD, params("telegram_id", telegramId, reason, actor, now))
                .map(DoNotContactRepository::mark);
    }

    /** {@code reason} may be null, except to lift the lead's own opt-out. */
    public Uni<Optional<Mark>> unmark(String slug, String reason, String actor, Instant now) {
        return graph.write(UNMARK, params("slug", slug, reason, actor, now)).map(DoNotContactRepository::mark);
    }

    /** Empty when there was no mark set by {@code markedBy} (e.g. a member set it, or none). */
    public Uni<Optional<Mark>> unmarkIfMarkedBy(long telegramId, String markedBy, String reason, String actor,
                                                Instant now) {
        Map<String, Object> p = params("telegram_id", telegramId, reason, actor, now);
        p.put("marked_by", markedBy);
        return graph.write(UNMARK_LABEL_OPT_OUT, p).map(DoNotContactRepository::mark);
    }

    private static Map<String, Object> params(String key, Object value, String reason, String actor, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(key, value);
        p.put("reason", reason);
        p.put("actor", actor);
        p.put("now", GraphTime.format(now));
        return p;
    }

    private static Optional<Mark> mark(GraphResult result) {
        if (result.isEmpty()) {
            return Optional.empty();
        }
        GraphResult.Row r = result.row(0);
        return Optional.of(new Mark(r.bool("changed"), r.bool("claimed_by_other"), r.string("claimed_by"),
                r.string("claimed_until"), r.string("outreach_status"), r.bool("do_not_contact"), r.string("reason"),
                r.string("marked_by"), r.string("marked_at"), r.string("source"), r.string("lifted_by"),
                r.string("lifted_at"), r.string("lift_reason")));
    }
}
