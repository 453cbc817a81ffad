package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the graph holds about one lead, for export (GDPR art. 15) and erasure (art. 17): the lead, its
 * messages, notes and timeline events, and every member's conversations with it, their replies and label
 * corrections. An erased do-not-contact lead leaves only {@code U4_Suppressed {id_hash}} (the SHA-256 of its
 * telegram id), which the lead upsert skips, so a re-import cannot bring it back.
 */
@ApplicationScoped
public class ContactDataRepository {
    static final String LEAD = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            RETURN c.telegram_id AS telegram_id, coalesce(c.do_not_contact, false) AS do_not_contact,
                   (c.claimed_by IS NOT NULL AND c.claimed_by <> $actor AND c.claimed_until > $now) AS claimed_by_other,
                   c.claimed_by AS claimed_by, c.claimed_until AS claimed_until""";

    static final String MESSAGES = """
            MATCH (c:U4_Contact_Lead {slug: $slug})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message)
            RETURN m.slug AS id, m.owner AS owner, m.version AS version, m.message_text AS text,
                   m.generated_by AS generated_by, m.generated_at AS generated_at, m.sent_at AS sent_at,
                   coalesce(m.edited, false) AS edited
            ORDER BY m.owner, m.version""";

    static final String REPLIES = """
            MATCH (conv:U4_Telegram_Conversation {contact_telegram_id: $telegram_id})
            MATCH (r:U4_Telegram_Reply)-[:U4_PART_OF]->(conv)
            RETURN conv.slug AS conversation_id, conv.owner AS owner, r.slug AS id, r.message_text AS text,
                   r.received_at AS received_at, r.sentiment AS sentiment, r.intent AS intent
            ORDER BY r.received_at""";

    static final String SUPPRESS = "MERGE (s:U4_Suppressed {id_hash: $id_hash}) ON CREATE SET s.created_at = $now";

    static final String ERASE_CONVERSATIONS = """
            MATCH (conv:U4_Telegram_Conversation {contact_telegram_id: $telegram_id})
            OPTIONAL MATCH (r:U4_Telegram_Reply)-[:U4_PART_OF]->(conv)
            OPTIONAL MATCH (r)-[:U4_HAS_CORRECTION]->(k:U4_Label_Correction)
            WITH collect(DISTINCT conv) AS convs, collect(DISTINCT r) AS replies, collect(DISTINCT k) AS corrections
            FOREACH (x IN corrections | DETACH DELETE x)
            FOREACH (x IN replies | DETACH DELETE x)
            FOREACH (x IN convs | DETACH DELETE x)
            RETURN size(convs) AS conversations, size(replies) AS replies, size(corrections) AS corrections""";

    static final String ERASE_LEAD = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            OPTIONAL MATCH (c)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message)
            OPTIONAL MATCH (c)-[:U4_HAS_NOTE]->(n:U4_Lead_Note)
            OPTIONAL MATCH (c)-[:U4_HAS_EVENT]->(e:U4_Lead_Event)
            WITH c, collect(DISTINCT m) AS ms, collect(DISTINCT n) AS ns, collect(DISTINCT e) AS es
            FOREACH (x IN ms | DETACH DELETE x)
            FOREACH (x IN ns | DETACH DELETE x)
            FOREACH (x IN es | DETACH DELETE x)
            DETACH DELETE c
            RETURN size(ms) AS messages, size(ns) AS notes, size(es) AS events""";

    private final FalkorGraphClient graph;

    public ContactDataRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    public record Lead(long telegramId, boolean doNotContact, boolean claimedByOther, String claimedBy,
                       String claimedUntil) {
    }

    public record Message(String id, String owner, Long version, String text, String generatedBy, String generatedAt,
                          String sentAt, boolean edited) {
    }

    public record Reply(String conversationId, String owner, String id, String text, String receivedAt,
                        String sentiment, String intent) {
    }

    /** How many nodes of each kind were erased. */
    public record Erased(long lead, long messages, long notes, long events, long conversations, long replies,
                         long labelCorrections) {
    }

    /** The SHA-256 (hex) of a telegram id: all a suppressed lead leaves behind. */
    public static String idHash(long telegramId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("telegram:" + telegramId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Uni<Optional<Lead>> lead(String slug, String actor, Instant now) {
        return graph.read(LEAD, Map.of("slug", slug, "actor", actor, "now", GraphTime.format(now))).map(r -> {
            if (r.isEmpty()) {
                return Optional.empty();
            }
            GraphResult.Row row = r.row(0);
            return Optional.of(new Lead(row.number("telegram_id"), row.bool("do_not_contact"),
                    row.bool("claimed_by_other"), row.string("claimed_by"), row.string("claimed_until")));
        });
    }

    public Uni<List<Message>> messages(String slug) {
        return graph.read(MESSAGES, Map.of("slug", slug)).map(r -> r.all().stream().map(row -> new Message(
                row.string("id"), row.string("owner"), row.optionalNumber("version"), row.string("text"),
                row.string("generated_by"), row.string("generated_at"), row.string("sent_at"), row.bool("edited"))).toList());
    }

    public Uni<List<Reply>> replies(long telegramId) {
        return graph.read(REPLIES, Map.of("telegram_id", telegramId)).map(r -> r.all().stream().map(row -> new Reply(
                row.string("conversation_id"), row.string("owner"), row.string("id"), row.string("text"),
                row.string("received_at"), row.string("sentiment"), row.string("intent"))).toList());
    }

    public Uni<Void> suppress(long telegramId, Instant now) {
        return graph.write(SUPPRESS, Map.of("id_hash", idHash(telegramId), "now", GraphTime.format(now))).replaceWithVoid();
    }

    public Uni<Erased> erase(String slug, long telegramId) {
        return graph.write(ERASE_CONVERSATIONS, Map.of("telegram_id", telegramId)).chain(convs -> {
            GraphResult.Row c = convs.row(0);
            return graph.write(ERASE_LEAD, Map.of("slug", slug)).map(lead -> {
                boolean gone = !lead.isEmpty();
                GraphResult.Row l = gone ? lead.row(0) : null;
                return new Erased(gone ? 1 : 0, gone ? l.number("messages") : 0, gone ? l.number("notes") : 0,
                        gone ? l.number("events") : 0, c.number("conversations"), c.number("replies"),
                        c.number("corrections"));
            });
        });
    }
}
