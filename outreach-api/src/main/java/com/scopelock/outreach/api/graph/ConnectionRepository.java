package com.scopelock.outreach.api.graph;

import com.scopelock.outreach.model.LeadLinks;
import com.scopelock.outreach.model.LeadUpserted;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who knows whom: {@code U4_Chat} nodes ({@code key}, {@code name}, {@code chat_type}), {@code U4_Team_Member}
 * nodes ({@code name} = Mission Deck login), {@code (lead)-[:U4_MEMBER_OF {messages}]->(chat)},
 * {@code (member)-[:U4_TEAM_IN]->(chat)} (a relationship type of its own, so that finding the team members of a chat
 * never walks its thousands of lead members) and {@code (a)-[:U4_REPLIED {count}]->(b)} (replies between the two, both
 * directions together; once per pair, from the lead with the lower telegram_id, or from the team member).
 */
@ApplicationScoped
public class ConnectionRepository {
    static final String LINK_CHATS = """
            UNWIND $rows AS r
            MATCH (c:U4_Contact_Lead {telegram_id: r.telegram_id})
            MERGE (g:U4_Chat {key: r.key})
            SET g.name = r.name, g.chat_type = r.chat_type
            MERGE (c)-[m:U4_MEMBER_OF]->(g)
            SET m.messages = r.messages
            RETURN count(m) AS written""";

    static final String LINK_TEAM_CHATS = """
            UNWIND $rows AS r
            MERGE (g:U4_Chat {key: r.key})
            ON CREATE SET g.name = r.name, g.chat_type = r.chat_type
            MERGE (t:U4_Team_Member {name: r.member})
            MERGE (t)-[m:U4_TEAM_IN]->(g)
            RETURN count(m) AS written""";

    /** A pair whose other lead is not in the graph yet is linked when that lead's own record arrives. */
    static final String LINK_LEAD_REPLIES = """
            UNWIND $rows AS r
            MATCH (a:U4_Contact_Lead {telegram_id: r.low})
            MATCH (b:U4_Contact_Lead {telegram_id: r.high})
            MERGE (a)-[e:U4_REPLIED]->(b)
            SET e.count = r.count
            RETURN count(e) AS written""";

    static final String LINK_TEAM_REPLIES = """
            UNWIND $rows AS r
            MATCH (c:U4_Contact_Lead {telegram_id: r.telegram_id})
            MERGE (t:U4_Team_Member {name: r.member})
            MERGE (t)-[e:U4_REPLIED]->(c)
            SET e.count = r.count
            RETURN count(e) AS written""";

    /** Team members in a chat with the lead (two hops: lead → chat → member), with the replies they exchanged. */
    static final String TEAM = """
            MATCH (c:U4_Contact_Lead {slug: $slug})-[:U4_MEMBER_OF]->(g:U4_Chat)<-[:U4_TEAM_IN]-(t:U4_Team_Member)
            WITH c, t, count(g) AS shared
            OPTIONAL MATCH (t)-[e:U4_REPLIED]->(c)
            RETURN t.name AS name, shared, coalesce(sum(e.count), 0) AS replies""";

    /** Team members who exchanged replies with the lead (one hop), also when no shared chat is known. */
    static final String TEAM_REPLIES = """
            MATCH (c:U4_Contact_Lead {slug: $slug})<-[e:U4_REPLIED]-(t:U4_Team_Member)
            RETURN t.name AS name, e.count AS replies""";

    /** Leads who exchanged replies with the lead (one hop). */
    static final String LEADS = """
            MATCH (c:U4_Contact_Lead {slug: $slug})-[e:U4_REPLIED]-(x:U4_Contact_Lead)
            RETURN x.slug AS id, x.name AS name, x.telegram_id AS telegram_id, e.count AS replies""";

    /** Leads two reply hops away (through a lead or team member both talked with), with who is between. */
    static final String LEADS_TWO_HOPS = """
            MATCH (c:U4_Contact_Lead {slug: $slug})-[:U4_REPLIED]-(v)-[:U4_REPLIED]-(x:U4_Contact_Lead)
            WHERE x <> c
            RETURN x.slug AS id, x.name AS name, x.telegram_id AS telegram_id, collect(v.name)[0] AS via
            ORDER BY name, id LIMIT $limit""";

    /** The chats of the lead (to intersect with its connections' chats). */
    static final String CHATS_OF_LEAD = """
            MATCH (c:U4_Contact_Lead {slug: $slug})-[:U4_MEMBER_OF]->(g:U4_Chat)
            RETURN g.key AS key, g.name AS name""";

    static final String CHATS_OF_LEADS = """
            UNWIND $slugs AS s
            MATCH (x:U4_Contact_Lead {slug: s})-[:U4_MEMBER_OF]->(g:U4_Chat)
            RETURN s AS id, g.key AS key""";

    static final String CHATS_OF_TEAM = """
            MATCH (c:U4_Contact_Lead {slug: $slug})-[:U4_MEMBER_OF]->(g:U4_Chat)<-[:U4_TEAM_IN]-(t:U4_Team_Member)
            RETURN t.name AS name, g.name AS chat ORDER BY chat""";

    static final String EXISTS = """
            MATCH (c:U4_Contact_Lead {slug: $slug}) RETURN c.slug AS id""";

    private final FalkorGraphClient graph;

    public ConnectionRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    /** Writes the links of upserts whose leads are already written (after {@link LeadRepository#upsert}). */
    public Uni<Void> link(List<LeadUpserted> events) {
        List<Map<String, Object>> chats = new ArrayList<>();
        Map<String, Map<String, Object>> teamChats = new LinkedHashMap<>();
        Map<String, Map<String, Object>> leadReplies = new LinkedHashMap<>();
        List<Map<String, Object>> teamReplies = new ArrayList<>();
        for (LeadUpserted event : events) {
            LeadLinks links = event.links();
            if (links == null) {
                continue;
            }
            long id = event.lead().telegramId();
            for (LeadLinks.ChatLink chat : nonNull(links.chats())) {
                chats.add(Map.of("telegram_id", id, "key", chat.key(), "name", chat.name(),
                        "chat_type", typeOf(chat), "messages", chat.messages()));
                for (String member : nonNull(chat.teamMembers())) {
                    teamChats.putIfAbsent(member + "\n" + chat.key(), Map.of("member", member, "key", chat.key(),
                            "name", chat.name(), "chat_type", typeOf(chat)));
                }
            }
            for (LeadLinks.ReplyLink reply : nonNull(links.replies())) {
                if (reply.teamMember() != null) {
                    teamReplies.add(Map.of("telegram_id", id, "member", reply.teamMember(), "count", reply.count()));
                } else if (reply.telegramId() != id) {
                    long low = Math.min(id, reply.telegramId());
                    long high = Math.max(id, reply.telegramId());
                    leadReplies.put(low + ":" + high, Map.of("low", low, "high", high, "count", reply.count()));
                }
            }
        }
        return write(LINK_CHATS, chats)
                .chain(() -> write(LINK_TEAM_CHATS, new ArrayList<>(teamChats.values())))
                .chain(() -> write(LINK_LEAD_REPLIES, new ArrayList<>(leadReplies.values())))
                .chain(() -> write(LINK_TEAM_REPLIES, teamReplies));
    }

    private Uni<Void> write(String cypher, List<Map<String, Object>> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : graph.write(cypher, Map.of("rows", rows)).replaceWithVoid();
    }

    /** {@code via}: for a lead two reply hops away, the person between (else null). */
    public record Connection(String kind, String id, String name, Long telegramId, List<String> sharedChats,
                             int sharedChatCount, long replyCount, String via) {
    }

    /** Team members, then what else the graph has about them, assembled by {@link Connections}; empty when unknown. */
    public Uni<Connections> connections(String slug, int limit) {
        Map<String, Object> params = Map.of("slug", slug);
        Connections found = new Connections();
        return graph.read(TEAM, params).invoke(r -> r.all().forEach(row -> found.team(row.string("name"),
                        (int) row.number("shared"), row.number("replies"))))
                .chain(() -> graph.read(TEAM_REPLIES, params)).invoke(r -> r.all().forEach(row ->
                        found.teamReplies(row.string("name"), row.number("replies"))))
                .chain(() -> graph.read(CHATS_OF_TEAM, params)).invoke(r -> r.all().forEach(row ->
                        found.teamChat(row.string("name"), row.string("chat"))))
                .chain(() -> graph.read(LEADS, params)).invoke(r -> r.all().forEach(row -> found.lead(row.string("id"),
                        row.string("name"), row.number("telegram_id"), row.number("replies"), null)))
                .chain(() -> graph.read(LEADS_TWO_HOPS, Map.of("slug", slug, "limit", limit))).invoke(r -> r.all()
                        .forEach(row -> found.lead(row.string("id"), row.string("name"), row.number("telegram_id"), 0,
                                row.string("via"))))
                .chain(() -> graph.read(CHATS_OF_LEAD, params)).invoke(r -> r.all().forEach(row ->
                        found.leadChat(row.string("key"), row.string("name"))))
                .chain(() -> found.leadSlugs().isEmpty() ? Uni.createFrom().item(new GraphResult(List.of(), List.of()))
                        : graph.read(CHATS_OF_LEADS, Map.of("slugs", found.leadSlugs())))
                .map(r -> {
                    r.all().forEach(row -> found.chatOf(row.string("id"), row.string("key")));
                    return found;
                });
    }

    public Uni<Boolean> exists(String slug) {
        return graph.read(EXISTS, Map.of("slug", slug)).map(result -> !result.isEmpty());
    }

    private static String typeOf(LeadLinks.ChatLink chat) {
        return chat.type() == null ? "group" : chat.type();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
