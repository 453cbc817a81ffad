package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lists a team works from ({@code GET /api/outreach/contacts}): every lead, filtered by stage, tag, a search
 * (the full-text index on name and username, or an exact telegram id), awaiting a reply, follow-up due, or the
 * caller's own leads. Every filter is a parameter ({@code $x IS NULL OR …}); the sort is one of the constant
 * {@link Sort} clauses, never text from the request.
 */
@ApplicationScoped
public class ContactListRepository {
    /** Leads or the full-text search's hits, then the same filters. */
    private static final String ALL = "MATCH (c:U4_Contact_Lead)\n";
    private static final String SEARCH = "CALL db.idx.fulltext.queryNodes('U4_Contact_Lead', $q) YIELD node AS c\n";

    private static final String FILTERS = """
            WHERE ($stages IS NULL OR coalesce(c.outreach_status, 'pending') IN $stages)
              AND ($tag IS NULL OR $tag IN coalesce(c.tags, []))
              AND ($telegram_id IS NULL OR c.telegram_id = $telegram_id)
              AND (NOT $awaiting OR (c.outreach_status = 'contacted' AND c.contacted_at IS NOT NULL AND c.replied_at IS NULL))
              AND (NOT $due OR (c.follow_up_status = 'open' AND c.follow_up_due_at <= $now)
                   OR (c.outreach_status = 'not_now' AND c.not_now_until <= $now))
              AND ($mine IS NULL OR (c.claimed_by = $mine AND c.claimed_until > $now)
                   OR (c)-[:U4_HAS_MESSAGE]->(:U4_Outreach_Message {owner: $mine}))
            """;

    static final String COLUMNS = """
            RETURN c.slug AS id, c.name AS name, c.telegram_id AS telegram_id, c.username AS username,
                   c.profile_type AS profile_type, c.total_score AS total_score,
                   coalesce(c.outreach_status, 'pending') AS stage, c.stage_changed_at AS stage_changed_at,
                   c.contacted_at AS contacted_at, c.replied_at AS replied_at, c.claimed_by AS claimed_by,
                   c.claimed_until AS claimed_until, c.follow_up_due_at AS follow_up_due_at,
                   c.follow_up_status AS follow_up_status, c.not_now_until AS not_now_until, c.tags AS tags
            """;

    private static final String PAGE = " SKIP $skip LIMIT $limit";
    private static final String COUNT = "RETURN count(c) AS matching";

    /** The orders a list can have; each ends with telegram_id so pages are stable. */
    public enum Sort {
        SCORE("ORDER BY c.total_score DESC, c.telegram_id ASC"),
        RECENT("ORDER BY coalesce(c.stage_changed_at, c.updated_at, '') DESC, c.telegram_id ASC"),
        NAME("ORDER BY c.name ASC, c.telegram_id ASC"),
        WAITING("ORDER BY c.contacted_at ASC, c.telegram_id ASC"),
        DUE("ORDER BY coalesce(c.follow_up_due_at, c.not_now_until) ASC, c.telegram_id ASC");

        final String clause;

        Sort(String clause) {
            this.clause = clause;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code search} is a full-text query built by the service from plain words; null lists every lead. */
    public record Filter(List<String> stages, String tag, String search, Long telegramId, boolean awaitingReply,
                         boolean followUpDue, String mine, String now) {
    }

    public record Row(String id, String name, long telegramId, String username, String profileType, int totalScore,
                      String stage, String stageChangedAt, String contactedAt, String repliedAt, String claimedBy,
                      String claimedUntil, String followUpDueAt, String followUpStatus, String notNowUntil,
                      List<String> tags) {
    }

    private final FalkorGraphClient graph;

    public ContactListRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    public Uni<List<Row>> page(Filter filter, Sort sort, long skip, int limit) {
        Map<String, Object> p = params(filter);
        p.put("skip", skip);
        p.put("limit", limit);
        return graph.read(source(filter) + FILTERS + COLUMNS + sort.clause + PAGE, p)
                .map(result -> result.all().stream().map(ContactListRepository::row).toList());
    }

    public Uni<Long> count(Filter filter) {
        return graph.read(source(filter) + FILTERS + COUNT, params(filter)).map(r -> r.row(0).number("matching"));
    }

    private static String source(Filter filter) {
        return filter.search() == null ? ALL : SEARCH;
    }

    private static Map<String, Object> params(Filter f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("q", f.search());
        p.put("stages", f.stages());
        p.put("tag", f.tag());
        p.put("telegram_id", f.telegramId());
        p.put("awaiting", f.awaitingReply());
        p.put("due", f.followUpDue());
        p.put("mine", f.mine());
        p.put("now", f.now());
        return p;
    }

    private static Row row(GraphResult.Row r) {
        Long score = r.optionalNumber("total_score");
        return new Row(r.string("id"), r.string("name"), r.number("telegram_id"), r.string("username"),
                r.string("profile_type"), score == null ? 0 : score.intValue(), r.string("stage"),
                r.string("stage_changed_at"), r.string("contacted_at"), r.string("replied_at"), r.string("claimed_by"),
                r.string("claimed_until"), r.string("follow_up_due_at"), r.string("follow_up_status"),
                r.string("not_now_until"), tags(r.string("tags")));
    }

    /** FalkorDB's verbose form renders a list as {@code [a, b]}; tags never hold commas, brackets or spaces. */
    static List<String> tags(String rendered) {
        if (rendered == null || rendered.length() < 2) {
            return List.of();
        }
        String inner = rendered.substring(1, rendered.length() - 1).strip();
        if (inner.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(inner.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}
