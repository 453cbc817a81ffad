package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcomes of sent first messages, counted per group in one query. The unit is a sent
 * {@code U4_Outreach_Message}; its outcome comes from the replies linked to it ({@code REPLY_TO}), with the label
 * each reply carries now — a member's correction replaces the generator's label on the reply itself, so corrected
 * labels count as corrected. Per message: opted out if any reply is an opt-out ({@code unsubscribe}); else positive
 * if any reply is {@code interested} or {@code question}; else negative if any reply is {@code not_interested} or
 * has negative sentiment. The group key is chosen by {@code $group_by} inside the query (never concatenated);
 * {@code week} is grouped by day here and merged into ISO weeks by the caller.
 */
@ApplicationScoped
public class AnalyticsRepository {
    private static final String OUTCOMES = """
            WHERE m.is_sent = true AND m.sent_at >= $from AND m.sent_at < $to
            OPTIONAL MATCH (r:U4_Telegram_Reply)-[:REPLY_TO]->(m)
            WITH c, m, count(r) AS replies, min(r.received_at) AS first_reply,
                 max(CASE WHEN r.intent = 'unsubscribe' THEN 1 ELSE 0 END) AS opted_out,
                 max(CASE WHEN r.intent IN ['interested', 'question'] THEN 1 ELSE 0 END) AS liked,
                 max(CASE WHEN r.intent = 'not_interested' OR r.sentiment = 'negative' THEN 1 ELSE 0 END) AS disliked
            WITH CASE $group_by
                   WHEN 'variant' THEN coalesce(m.variant, 'none')
                   WHEN 'hook_type' THEN coalesce(m.hook_type, 'none')
                   WHEN 'profile_type' THEN coalesce(c.profile_type, 'unknown')
                   WHEN 'member' THEN m.owner
                   WHEN 'generated_by' THEN coalesce(m.generated_by, 'unknown')
                   ELSE substring(m.sent_at, 0, 10) END AS grp,
                 m, replies, first_reply, opted_out, liked, disliked
            RETURN grp AS grp, count(m) AS sent,
                   sum(CASE WHEN replies > 0 THEN 1 ELSE 0 END) AS replied,
                   sum(opted_out) AS unsubscribed,
                   sum(CASE WHEN opted_out = 0 AND liked = 1 THEN 1 ELSE 0 END) AS positive,
                   sum(CASE WHEN opted_out = 0 AND liked = 0 AND disliked = 1 THEN 1 ELSE 0 END) AS negative,
                   collect(CASE WHEN replies > 0 THEN m.sent_at + '|' + first_reply END) AS waits
            ORDER BY grp""";

    /** The caller's own sent messages. */
    static final String OF_OWNER = """
            MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {owner: $owner})
            """ + OUTCOMES;

    /** Every member's sent messages: the team view (figures only, no lead data leaves the query). */
    static final String OF_TEAM = """
            MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message)
            """ + OUTCOMES;

    private static final String FUNNEL = """
            WHERE m.is_sent = true AND m.sent_at >= $from AND m.sent_at < $to
            WITH DISTINCT c
            RETURN coalesce(c.outreach_status, 'pending') AS stage, c.replied_at IS NOT NULL AS answered, count(c) AS leads""";

    /** The leads the caller sent a message to in the window, by their stage now (and whether they ever answered). */
    static final String FUNNEL_OF_OWNER = """
            MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {owner: $owner})
            """ + FUNNEL;

    static final String FUNNEL_OF_TEAM = """
            MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message)
            """ + FUNNEL;

    private final FalkorGraphClient graph;

    public AnalyticsRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    /** One group's counts; {@code waits} are (sent_at, first reply's received_at) pairs of replied messages. */
    public record GroupCounts(String key, long sent, long replied, long positive, long negative, long unsubscribed,
                              List<String[]> waits) {
    }

    /**
     * @param owner the member, or null for the whole team
     * @param groupBy one of variant, hook_type, profile_type, member, generated_by, day
     * @param from inclusive, {@link GraphTime} format
     * @param to exclusive, {@link GraphTime} format
     */
    public Uni<List<GroupCounts>> outcomes(String owner, String groupBy, String from, String to) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (owner != null) {
            p.put("owner", owner);
        }
        p.put("group_by", groupBy);
        p.put("from", from);
        p.put("to", to);
        return graph.read(owner == null ? OF_TEAM : OF_OWNER, p).map(result -> result.all().stream()
                .map(row -> new GroupCounts(row.string("grp"), row.number("sent"), row.number("replied"),
                        row.number("positive"), row.number("negative"), row.number("unsubscribed"),
                        waits(row.string("waits"))))
                .toList());
    }

    public record StageCount(String stage, boolean answered, long leads) {
    }

    /** @param owner the member, or null for the whole team */
    public Uni<List<StageCount>> stages(String owner, String from, String to) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (owner != null) {
            p.put("owner", owner);
        }
        p.put("from", from);
        p.put("to", to);
        return graph.read(owner == null ? FUNNEL_OF_TEAM : FUNNEL_OF_OWNER, p).map(result -> result.all().stream()
                .map(row -> new StageCount(row.string("stage"), row.bool("answered"), row.number("leads"))).toList());
    }

    /**
     * FalkorDB's verbose answer renders a list as text, {@code [a|b, c|d]}; the items are timestamps the graph
     * wrote itself (no commas, brackets or bars).
     */
    static List<String[]> waits(String rendered) {
        List<String[]> out = new ArrayList<>();
        if (rendered == null) {
            return out;
        }
        String body = rendered.strip();
        if (body.startsWith("[")) {
            body = body.substring(1);
        }
        if (body.endsWith("]")) {
            body = body.substring(0, body.length() - 1);
        }
        for (String item : body.split(",")) {
            String pair = item.strip();
            int bar = pair.indexOf('|');
            if (bar > 0 && bar < pair.length() - 1) {
                out.add(new String[]{pair.substring(0, bar), pair.substring(bar + 1)});
            }
        }
        return out;
    }
}
