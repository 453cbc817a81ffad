package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which watches ({@code conv-<telegram id>-<owner>} on {@code outreach.watch}) are to be withdrawn. A watch exists for
 * every (lead, owner) with messages; a withdrawal is remembered as {@code watch_withdrawn_at} on the owner's messages
 * for the lead, and a new message (generate) is watched again.
 */
@ApplicationScoped
public class WatchRepository {

    /** Released claim: the owner's watch goes only while none of their messages for the lead was sent. */
    static final String UNSENT_OF_OWNER = """
            MATCH (c:U4_Contact_Lead {slug: $contact})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {owner: $owner})
            WITH c, sum(CASE WHEN m.is_sent = true THEN 1 ELSE 0 END) AS sent, count(m) AS messages
            WHERE sent = 0 AND messages > 0
            RETURN c.telegram_id AS telegram_id, $owner AS owner""";

    /** Do-not-contact: every member's watch of the lead goes. */
    static final String ALL_OF_LEAD = """
            MATCH (c:U4_Contact_Lead {slug: $contact})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message)
            RETURN DISTINCT c.telegram_id AS telegram_id, m.owner AS owner""";

    static final String ALL_OF_TELEGRAM_ID = """
            MATCH (c:U4_Contact_Lead {telegram_id: $telegram_id})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message)
            RETURN DISTINCT c.telegram_id AS telegram_id, m.owner AS owner""";

    /** Drafts nobody sent and nobody touched since the cutoff, still watched. */
    static final String ABANDONED = """
            MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message)
            WITH c, m.owner AS owner, max(m.updated_at) AS latest,
                 sum(CASE WHEN m.is_sent = true THEN 1 ELSE 0 END) AS sent,
                 sum(CASE WHEN m.watch_withdrawn_at IS NULL THEN 1 ELSE 0 END) AS watched
            WHERE sent = 0 AND watched > 0 AND latest < $cutoff
            RETURN c.telegram_id AS telegram_id, owner AS owner LIMIT $limit""";

    static final String MARK_WITHDRAWN = """
            UNWIND $pairs AS p
            MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message)
            WHERE c.telegram_id = p.telegram_id AND m.owner = p.owner AND m.watch_withdrawn_at IS NULL
            SET m.watch_withdrawn_at = $now
            RETURN count(m) AS marked""";

    private final FalkorGraphClient graph;

    public WatchRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    /** One watch: the lead's Telegram id and the member. */
    public record Watched(long telegramId, String owner) {
    }

    public Uni<List<Watched>> unsentOf(String contactSlug, String owner) {
        return graph.read(UNSENT_OF_OWNER, Map.of("contact", contactSlug, "owner", owner)).map(WatchRepository::rows);
    }

    public Uni<List<Watched>> allOfLead(String contactSlug) {
        return graph.read(ALL_OF_LEAD, Map.of("contact", contactSlug)).map(WatchRepository::rows);
    }

    public Uni<List<Watched>> allOfTelegramId(long telegramId) {
        return graph.read(ALL_OF_TELEGRAM_ID, Map.of("telegram_id", telegramId)).map(WatchRepository::rows);
    }

    public Uni<List<Watched>> abandoned(String cutoff, int limit) {
        return graph.read(ABANDONED, Map.of("cutoff", cutoff, "limit", limit)).map(WatchRepository::rows);
    }

    public Uni<Long> markWithdrawn(List<Watched> watches, String now) {
        if (watches.isEmpty()) {
            return Uni.createFrom().item(0L);
        }
        List<Map<String, Object>> pairs = watches.stream().map(w -> {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("telegram_id", w.telegramId());
            pair.put("owner", w.owner());
            return pair;
        }).toList();
        return graph.write(MARK_WITHDRAWN, Map.of("pairs", pairs, "now", now))
                .map(r -> r.isEmpty() ? 0L : r.row(0).number("marked"));
    }

    private static List<Watched> rows(GraphResult result) {
        return result.all().stream().map(row -> new Watched(row.number("telegram_id"), row.string("owner"))).toList();
    }
}
