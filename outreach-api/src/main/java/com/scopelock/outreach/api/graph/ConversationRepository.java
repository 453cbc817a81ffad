package com.scopelock.outreach.api.graph;

import com.scopelock.outreach.api.config.FollowUpConfig;
import com.scopelock.outreach.rules.Slugs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code U4_Telegram_Conversation} and {@code U4_Telegram_Reply} nodes. Replies are merged on their natural key
 * (conversation, telegram_message_id), so a reply delivered twice is one node and counts once as unread.
 * Every read carries the owner in its MATCH.
 */
@ApplicationScoped
public class ConversationRepository {

    /**
     * One reply. A reply node may already exist as a placeholder made by its label (labels can overtake their
     * reply across partitions); {@code fresh} is true only on the run that stores the reply itself, so the unread
     * count and the conversation's latest reply move once per reply however often it is delivered.
     */
    static final String UPSERT_REPLY = """
            MERGE (conv:U4_Telegram_Conversation {slug: $conversation})
            ON CREATE SET conv.owner = $owner, conv.contact_telegram_id = $contact, conv.unread_count = 0,
                          conv.conversation_status = 'active', conv.created_at = $now, conv.created_by = 'reply-monitor'
            WITH conv
            WHERE conv.owner = $owner
            MERGE (r:U4_Telegram_Reply {slug: $reply})
            ON CREATE SET r.owner = $owner, r.placeholder = true, r.created_at = $now, r.created_by = 'reply-monitor'
            WITH conv, r
            WHERE r.owner = $owner
            MERGE (r)-[:U4_PART_OF]->(conv)
            WITH conv, r, coalesce(r.placeholder, false) AS fresh
            WITH conv, r, fresh, fresh AND (conv.last_reply_at IS NULL OR conv.last_reply_at <= $received_at) AS newest
            SET r.placeholder = null,
                r.telegram_message_id = CASE WHEN fresh THEN $message_id ELSE r.telegram_message_id END,
                r.message_text = CASE WHEN fresh THEN $text ELSE r.message_text END,
                r.received_at = CASE WHEN fresh THEN $received_at ELSE r.received_at END,
                r.detected_at = CASE WHEN fresh THEN $now ELSE r.detected_at END,
                r.is_read = CASE WHEN fresh THEN false ELSE r.is_read END,
                r.sentiment = coalesce(r.sentiment, 'unknown'),
                r.conversation = $conversation,
                r.updated_at = CASE WHEN fresh THEN $now ELSE r.updated_at END,
                r.updated_by = CASE WHEN fresh THEN 'reply-monitor' ELSE r.updated_by END,
                conv.unread_count = conv.unread_count + CASE WHEN fresh THEN 1 ELSE 0 END,
                conv.last_reply_at = CASE WHEN newest THEN $received_at ELSE conv.last_reply_at END,
                conv.last_reply_preview = CASE WHEN newest THEN $preview ELSE conv.last_reply_preview END,
                conv.last_message_id = CASE WHEN conv.last_message_id IS NULL OR conv.last_message_id < $message_id
                                            THEN $message_id ELSE conv.last_message_id END,
                conv.updated_at = $now, conv.updated_by = 'reply-monitor'
            RETURN fresh AS fresh, conv.unread_count AS unread_count""";

    /**
     * The lead replied: link it, and {@code replied} (with replied_at of the first reply) unless it is closed; an
     * open follow-up is cancelled (stop on reply).
     */
    static final String LINK_LEAD = """
            MATCH (conv:U4_Telegram_Conversation {slug: $conversation, owner: $owner})
            MATCH (c:U4_Contact_Lead {telegram_id: $contact})
            MERGE (conv)-[:U4_WITH]->(c)
            SET c.follow_up_status = CASE WHEN c.follow_up_status = 'open' THEN 'cancelled' ELSE c.follow_up_status END,
                c.follow_up_set_by = CASE WHEN c.follow_up_status = 'open' THEN 'reply-monitor' ELSE c.follow_up_set_by END,
                c.stage_changed_at = CASE WHEN c.outreach_status IN ['pending', 'contacted'] THEN $now ELSE c.stage_changed_at END,
                c.stage_changed_by = CASE WHEN c.outreach_status IN ['pending', 'contacted'] THEN 'reply-monitor' ELSE c.stage_changed_by END,
                c.outreach_status = CASE WHEN c.outreach_status IN ['pending', 'contacted'] THEN 'replied' ELSE c.outreach_status END,
                c.replied_at = coalesce(c.replied_at, $received_at), c.updated_at = $now, c.updated_by = 'reply-monitor'
            RETURN c.slug AS contact_id, c.name AS name""";

    /**
     * The reply answers the owner's message that was sent (marked or detected; the latest sent one if several), or
     * — when none is known to be sent yet — the latest version. Run again when a message becomes sent, so a reply
     * that overtook its sent detection moves to the right message.
     */
    static final String ANSWERED_MESSAGE = """
            MATCH (c:U4_Contact_Lead {telegram_id: $contact})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {owner: $owner})
            WITH m, CASE WHEN m.is_sent = true THEN 1 ELSE 0 END AS sent
            ORDER BY sent DESC, m.sent_at DESC, m.version DESC LIMIT 1
            RETURN m.slug AS message_id""";

    static final String UNLINK_MESSAGE = """
            MATCH (r:U4_Telegram_Reply {slug: $reply, owner: $owner})-[old:REPLY_TO]->(m:U4_Outreach_Message)
            WHERE m.slug <> $message
            DELETE old""";

    static final String LINK_MESSAGE = """
            MATCH (r:U4_Telegram_Reply {slug: $reply, owner: $owner})
            MATCH (m:U4_Outreach_Message {slug: $message, owner: $owner})
            MERGE (r)-[:REPLY_TO]->(m)
            RETURN m.slug AS message_id""";

    /** The owner's replies from this lead, for re-linking once a message is sent. */
    static final String REPLIES_OF_LEAD = """
            MATCH (conv:U4_Telegram_Conversation {owner: $owner, contact_telegram_id: $contact})
            MATCH (r:U4_Telegram_Reply)-[:U4_PART_OF]->(conv)
            RETURN r.slug AS reply_id, conv.contact_telegram_id AS contact""";

    static final String REPLIES_OF_CONTACT_SLUG = """
            MATCH (c:U4_Contact_Lead {slug: $contact_slug})
            MATCH (conv:U4_Telegram_Conversation {owner: $owner})
            WHERE conv.contact_telegram_id = c.telegram_id
            MATCH (r:U4_Telegram_Reply)-[:U4_PART_OF]->(conv)
            RETURN r.slug AS reply_id, conv.contact_telegram_id AS contact""";

    /** The session that watches the owner's conversations now: the latest connected active one. */
    static final String ACTIVE_SESSION = """
            MATCH (s:U4_Telegram_Session {owner: $owner})
            WHERE s.is_active = true
            RETURN s.slug AS session ORDER BY s.connected_at DESC LIMIT 1""";

    static final String UNLINK_SESSION = """
            MATCH (conv:U4_Telegram_Conversation {slug: $conversation, owner: $owner})-[old:U4_PART_OF]->(s:U4_Telegram_Session)
            WHERE s.slug <> $session
            DELETE old""";

    /** The conversation is part of the session that watches it, and active. */
    static final String LINK_SESSION = """
            MATCH (conv:U4_Telegram_Conversation {slug: $conversation, owner: $owner})
            MATCH (s:U4_Telegram_Session {slug: $session, owner: $owner})
            MERGE (conv)-[:U4_PART_OF]->(s)
            SET conv.conversation_status = 'active', conv.updated_at = $now
            RETURN conv.conversation_status AS status""";

    /** No session watches it: closed (its replies stay listed). */
    static final String CLOSE = """
            MATCH (conv:U4_Telegram_Conversation {slug: $conversation, owner: $owner})
            SET conv.conversation_status = 'closed', conv.updated_at = $now
            RETURN conv.conversation_status AS status""";

    /** Every session of the owner watches all their conversations: this one (active again) takes them over. */
    static final String UNLINK_OTHER_SESSIONS = """
            MATCH (conv:U4_Telegram_Conversation {owner: $owner})-[old:U4_PART_OF]->(s:U4_Telegram_Session)
            WHERE s.slug <> $session
            DELETE old""";

    static final String ADOPT = """
            MATCH (s:U4_Telegram_Session {slug: $session, owner: $owner})
            MATCH (conv:U4_Telegram_Conversation {owner: $owner})
            MERGE (conv)-[:U4_PART_OF]->(s)
            SET conv.conversation_status = 'active', conv.updated_at = $now
            RETURN count(conv) AS adopted""";

    /** The owner has no active session left: none of their conversations is watched. */
    static final String CLOSE_ALL = """
            MATCH (conv:U4_Telegram_Conversation {owner: $owner})
            WHERE conv.conversation_status = 'active'
            SET conv.conversation_status = 'closed', conv.updated_at = $now
            RETURN count(conv) AS closed""";

    static final String SESSION_OWNER = """
            MATCH (s:U4_Telegram_Session {slug: $session})
            RETURN s.owner AS owner""";

    /** Active and closed (no session watches it any more; its replies stay readable). */
    static final String LIST = """
            MATCH (conv:U4_Telegram_Conversation {owner: $owner})
            WHERE conv.conversation_status IN ['active', 'closed'] AND (NOT $unread_only OR conv.unread_count > 0)
            OPTIONAL MATCH (conv)-[:U4_WITH]->(c:U4_Contact_Lead)
            RETURN conv.slug AS conversation_id, conv.unread_count AS unread_count, conv.last_reply_at AS last_reply_at,
                   conv.last_reply_preview AS last_reply_preview, conv.conversation_status AS conversation_status,
                   conv.contact_telegram_id AS telegram_id, c.slug AS contact_id, c.name AS name
            ORDER BY conv.last_reply_at DESC, conv.slug ASC SKIP $skip LIMIT $limit""";

    static final String TOTAL_UNREAD = """
            MATCH (conv:U4_Telegram_Conversation {owner: $owner})
            WHERE conv.conversation_status IN ['active', 'closed']
            RETURN sum(conv.unread_count) AS total_unread, count(conv) AS conversations""";

    static final String LATEST_LABELS = """
            MATCH (r:U4_Telegram_Reply {owner: $owner})
            WHERE r.conversation IN $conversations
            RETURN r.conversation AS conversation_id, r.received_at AS received_at, r.sentiment AS sentiment, r.intent AS intent""";

    static final String REPLIES = """
            MATCH (r:U4_Telegram_Reply)-[:U4_PART_OF]->(conv:U4_Telegram_Conversation {slug: $conversation, owner: $owner})
            RETURN r.slug AS reply_id, r.telegram_message_id AS telegram_message_id, r.message_text AS text,
                   r.received_at AS received_at, r.detected_at AS detected_at, r.is_read AS is_read,
                   r.sentiment AS sentiment, r.intent AS intent, r.labeled_by AS labeled_by,
                   coalesce(r.dnc_suggested, false) AS do_not_contact_suggested
            ORDER BY r.received_at ASC, r.telegram_message_id ASC SKIP $skip LIMIT $limit""";

    static final String EXISTS = """
            MATCH (conv:U4_Telegram_Conversation {slug: $conversation, owner: $owner})
            RETURN conv.unread_count AS unread_count""";

    /** Marks this member's replies read here only: nothing is ever marked read in Telegram. */
    static final String MARK_READ = """
            MATCH (conv:U4_Telegram_Conversation {slug: $conversation, owner: $owner})
            SET conv.unread_count = 0
            WITH conv
            OPTIONAL MATCH (r:U4_Telegram_Reply)-[:U4_PART_OF]->(conv)
            WHERE r.is_read = false
            WITH conv, collect(r) AS unread
            FOREACH (x IN unread | SET x.is_read = true, x.updated_at = $now, x.updated_by = $owner)
            RETURN size(unread) AS marked""";

    /**
     * The member's own outgoing message matched their generated text: the latest message becomes sent (if it is
     * not already) and the lead contacted, as POST /api/outreach/mark-sent would do.
     */
    static final String SENT_DETECTED = """
            MATCH (c:U4_Contact_Lead {telegram_id: $contact})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {owner: $owner})
            WITH c, m ORDER BY m.version DESC LIMIT 1
            WITH c, m, m.is_sent = true AS already
            SET m.is_sent = true, m.sent_at = coalesce(m.sent_at, $sent_at), m.sent_by = coalesce(m.sent_by, $owner),
                m.sent_detected = CASE WHEN already THEN m.sent_detected ELSE true END,
                m.sent_telegram_message_id = coalesce(m.sent_telegram_message_id, $message_id),
                c.follow_up_due_at = CASE WHEN c.follow_up_status IS NULL AND c.replied_at IS NULL THEN $follow_up_due ELSE c.follow_up_due_at END,
                c.follow_up_set_by = CASE WHEN c.follow_up_status IS NULL AND c.replied_at IS NULL THEN $owner ELSE c.follow_up_set_by END,
                c.follow_up_status = CASE WHEN c.follow_up_status IS NULL AND c.replied_at IS NULL THEN 'open' ELSE c.follow_up_status END,
                c.stage_changed_at = CASE WHEN c.outreach_status = 'pending' THEN $now ELSE c.stage_changed_at END,
                c.stage_changed_by = CASE WHEN c.outreach_status = 'pending' THEN 'reply-monitor' ELSE c.stage_changed_by END,
                c.outreach_status = CASE WHEN c.outreach_status = 'pending' THEN 'contacted' ELSE c.outreach_status END,
                c.contacted_at = coalesce(c.contacted_at, $sent_at), c.updated_at = $now, c.updated_by = 'reply-monitor'
            RETURN m.slug AS message_id, c.slug AS contact_id, already AS already, c.outreach_status AS contact_status""";

    private final FalkorGraphClient graph;

    private final FollowUpConfig followUps;

    public ConversationRepository(FalkorGraphClient graph, FollowUpConfig followUps) {
        this.graph = graph;
        this.followUps = followUps;
    }

    public record StoredReply(boolean fresh, long unreadCount) {
    }

    public record ConversationRow(String conversationId, long unreadCount, String lastReplyAt, String lastReplyPreview,
                                  String conversationStatus, long telegramId, String contactId, String name) {
    }

    public record ReplyRow(String replyId, long telegramMessageId, String text, String receivedAt, String detectedAt,
                           boolean isRead, String sentiment, String intent, String labeledBy,
                           boolean doNotContactSuggested) {
    }

    public record Labels(String sentiment, String intent) {
    }

    /** Empty when the conversation belongs to another member (a foreign event is ignored, never merged in). */
    public Uni<Optional<StoredReply>> upsertReply(String owner, String conversation, long contact, long messageId,
                                                  String text, String receivedAt, String now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("owner", owner);
        p.put("conversation", conversation);
        p.put("contact", contact);
        p.put("reply", Slugs.reply(conversation, messageId));
        p.put("message_id", messageId);
        p.put("text", text);
        p.put("preview", preview(text));
        p.put("received_at", receivedAt);
        p.put("now", now);
        return graph.write(UPSERT_REPLY, p).map(r -> r.isEmpty() ? Optional.empty()
                : Optional.of(new StoredReply(r.row(0).bool("fresh"), r.row(0).number("unread_count"))));
    }

    public Uni<Optional<String[]>> linkLead(String owner, String conversation, long contact, String receivedAt, String now) {
        return graph.write(LINK_LEAD, Map.of("owner", owner, "conversation", conversation, "contact", contact,
                        "received_at", receivedAt, "now", now))
                .map(r -> r.isEmpty() ? Optional.empty()
                        : Optional.of(new String[]{r.row(0).string("contact_id"), r.row(0).string("name")}));
    }

    public Uni<Void> linkMessage(String owner, String conversation, long contact, long messageId) {
        return linkReply(owner, Slugs.reply(conversation, messageId), contact);
    }

    private Uni<Void> linkReply(String owner, String reply, long contact) {
        return graph.read(ANSWERED_MESSAGE, Map.of("owner", owner, "contact", contact)).chain(r -> {
            if (r.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Map<String, Object> p = Map.of("owner", owner, "reply", reply, "message", r.row(0).string("message_id"));
            return graph.write(UNLINK_MESSAGE, p).chain(() -> graph.write(LINK_MESSAGE, p)).replaceWithVoid();
        });
    }

    /** A message of the owner for the lead became sent: its replies answer it (not a newer draft). */
    public Uni<Void> relinkReplies(String owner, long contact) {
        return graph.read(REPLIES_OF_LEAD, Map.of("owner", owner, "contact", contact)).chain(r -> relink(owner, r));
    }

    public Uni<Void> relinkReplies(String owner, String contactSlug) {
        return graph.read(REPLIES_OF_CONTACT_SLUG, Map.of("owner", owner, "contact_slug", contactSlug))
                .chain(r -> relink(owner, r));
    }

    private Uni<Void> relink(String owner, GraphResult replies) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (GraphResult.Row row : replies.all()) {
            String reply = row.string("reply_id");
            long contact = row.number("contact");
            chain = chain.chain(() -> linkReply(owner, reply, contact));
        }
        return chain;
    }

    /** The session reports it is watching: the owner's conversations are part of it, and active. */
    public Uni<Long> adopt(String owner, String session, String now) {
        Map<String, Object> p = Map.of("owner", owner, "session", session, "now", now);
        return graph.write(UNLINK_OTHER_SESSIONS, p).chain(() -> graph.write(ADOPT, p))
                .map(r -> r.isEmpty() ? 0L : r.row(0).number("adopted"));
    }

    /**
     * The session went (revoked, logged out, withdrawn): its owner's conversations move to another active session of
     * theirs, or are closed when there is none.
     */
    public Uni<Void> sessionGone(String session, String now) {
        return graph.read(SESSION_OWNER, Map.of("session", session)).chain(r -> {
            if (r.isEmpty() || r.row(0).string("owner") == null) {
                return Uni.createFrom().voidItem();
            }
            String owner = r.row(0).string("owner");
            return graph.read(ACTIVE_SESSION, Map.of("owner", owner)).chain(active -> active.isEmpty()
                    ? graph.write(CLOSE_ALL, Map.of("owner", owner, "now", now)).replaceWithVoid()
                    : adopt(owner, active.row(0).string("session"), now).replaceWithVoid());
        });
    }

    /** Links the conversation to the owner's active session; returns its status (active, or closed without one). */
    public Uni<String> linkSession(String owner, String conversation, String now) {
        return graph.read(ACTIVE_SESSION, Map.of("owner", owner)).chain(r -> {
            String session = r.isEmpty() ? "" : r.row(0).string("session");
            Map<String, Object> p = Map.of("owner", owner, "conversation", conversation, "session", session,
                    "now", now);
            return graph.write(UNLINK_SESSION, p).chain(() -> graph.write(session.isEmpty() ? CLOSE : LINK_SESSION, p))
                    .map(w -> w.isEmpty() ? null : w.row(0).string("status"));
        });
    }

    public Uni<List<ConversationRow>> list(String owner, boolean unreadOnly, long skip, int limit) {
        return graph.read(LIST, Map.of("owner", owner, "unread_only", unreadOnly, "skip", skip, "limit", limit))
                .map(r -> r.all().stream().map(row -> new ConversationRow(row.string("conversation_id"),
                        row.number("unread_count"), row.string("last_reply_at"), row.string("last_reply_preview"),
                        row.string("conversation_status"), row.number("telegram_id"), row.string("contact_id"),
                        row.string("name"))).toList());
    }

    public Uni<long[]> totals(String owner) {
        return graph.read(TOTAL_UNREAD, Map.of("owner", owner)).map(r -> r.isEmpty() ? new long[2]
                : new long[]{nullToZero(r.row(0).optionalNumber("total_unread")), r.row(0).number("conversations")});
    }

    /** The sentiment and intent of each conversation's latest reply. */
    public Uni<Map<String, Labels>> latestLabels(String owner, List<String> conversations) {
        if (conversations.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return graph.read(LATEST_LABELS, Map.of("owner", owner, "conversations", conversations)).map(r -> {
            Map<String, String> latestAt = new LinkedHashMap<>();
            Map<String, Labels> labels = new LinkedHashMap<>();
            for (GraphResult.Row row : r.all()) {
                String id = row.string("conversation_id");
                String at = String.valueOf(row.string("received_at"));
                if (!latestAt.containsKey(id) || latestAt.get(id).compareTo(at) <= 0) {
                    latestAt.put(id, at);
                    labels.put(id, new Labels(row.string("sentiment"), row.string("intent")));
                }
            }
            return labels;
        });
    }

    public Uni<Optional<List<ReplyRow>>> replies(String owner, String conversation, long skip, int limit) {
        return graph.read(EXISTS, Map.of("owner", owner, "conversation", conversation)).chain(exists -> exists.isEmpty()
                ? Uni.createFrom().item(Optional.<List<ReplyRow>>empty())
                : graph.read(REPLIES, Map.of("owner", owner, "conversation", conversation, "skip", skip, "limit", limit))
                .map(r -> Optional.of(r.all().stream().map(row -> new ReplyRow(row.string("reply_id"),
                        row.number("telegram_message_id"), row.string("text"), row.string("received_at"),
                        row.string("detected_at"), row.bool("is_read"), row.string("sentiment"),
                        row.string("intent"), row.string("labeled_by"),
                        row.bool("do_not_contact_suggested"))).toList())));
    }

    /** Empty when the conversation is not the owner's. */
    public Uni<Optional<Long>> markRead(String owner, String conversation, String now) {
        return graph.write(MARK_READ, Map.of("owner", owner, "conversation", conversation, "now", now))
                .map(r -> r.isEmpty() ? Optional.empty() : Optional.of(r.row(0).number("marked")));
    }

    public record SentMark(String messageId, String contactId, boolean already, String contactStatus) {
    }

    public Uni<Optional<SentMark>> markSentDetected(String owner, long contact, long messageId, String sentAt, String now) {
        return graph.write(SENT_DETECTED, Map.of("owner", owner, "contact", contact, "message_id", messageId,
                        "sent_at", sentAt, "now", now,
                        "follow_up_due", GraphTime.format(Instant.parse(sentAt).plus(followUps.defaultAfter()))))
                .map(r -> r.isEmpty() ? Optional.empty() : Optional.of(new SentMark(r.row(0).string("message_id"),
                        r.row(0).string("contact_id"), r.row(0).bool("already"), r.row(0).string("contact_status"))));
    }

    static String preview(String text) {
        if (text == null) {
            return "";
        }
        int end = text.offsetByCodePoints(0, Math.min(text.codePointCount(0, text.length()), 120));
        return end < text.length() ? text.substring(0, end) + "…" : text;
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }
}
