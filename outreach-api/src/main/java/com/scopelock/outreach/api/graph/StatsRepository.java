package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** The caller's own outreach figures: leads contacted (first sent message per lead) and replies, by day. */
@ApplicationScoped
public class StatsRepository {
    static final String CONTACTED = """
            MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {owner: $owner})
            WHERE m.is_sent = true
            RETURN c.slug AS contact_id, min(m.sent_at) AS sent_at""";

    static final String REPLIES_SINCE = """
            MATCH (r:U4_Telegram_Reply {owner: $owner})
            WHERE r.received_at >= $since
            RETURN r.received_at AS received_at""";

    static final String REPLIED = """
            MATCH (conv:U4_Telegram_Conversation {owner: $owner})
            RETURN count(conv) AS replied""";

    /** Label corrections the member made (each kept as a U4_Label_Correction node). */
    static final String CORRECTIONS = """
            MATCH (x:U4_Label_Correction {owner: $owner})
            RETURN count(x) AS corrections""";

    private final FalkorGraphClient graph;

    public StatsRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    /** When the owner first marked each contacted lead sent (ISO-8601). */
    public Uni<List<String>> contactedAt(String owner) {
        return graph.read(CONTACTED, Map.of("owner", owner))
                .map(r -> r.all().stream().map(row -> row.string("sent_at")).toList());
    }

    public Uni<List<String>> repliesSince(String owner, String since) {
        return graph.read(REPLIES_SINCE, Map.of("owner", owner, "since", since))
                .map(r -> r.all().stream().map(row -> row.string("received_at")).toList());
    }

    /** Conversations in which the lead replied at least once. */
    public Uni<Long> replied(String owner) {
        return graph.read(REPLIED, Map.of("owner", owner)).map(r -> r.isEmpty() ? 0L : r.row(0).number("replied"));
    }

    public Uni<Long> corrections(String owner) {
        return graph.read(CORRECTIONS, Map.of("owner", owner)).map(r -> r.isEmpty() ? 0L : r.row(0).number("corrections"));
    }
}
