package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@link Topics#WATCH} (compacted), key = conversation slug ({@code conversation_id}). Produced by
 * outreach-api when a team member gets (or edits) a first message for a lead: the reply monitor of that
 * member's session watches the chat with {@code contact_telegram_id}, detects the member's own outgoing
 * message matching {@code message_text} (sent detection) and the lead's replies after {@code from_message_id}
 * (null = from the sent message on). The latest record per key is the current watch; a tombstone (null value)
 * stops watching.
 */
public record WatchRequested(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String conversationId,
        long contactTelegramId,
        String contactSlug,
        String messageId,
        String messageText,
        Long fromMessageId) implements OutreachEvent {

    public static final String TYPE = "watch.requested";
    public static final int VERSION = 1;

    public static WatchRequested of(String owner, long contactTelegramId, String contactSlug, String messageId,
                                    String messageText, Long fromMessageId, Instant now) {
        return new WatchRequested(UUID.randomUUID(), TYPE, VERSION, now, owner,
                conversationId(contactTelegramId, owner), contactTelegramId, contactSlug, messageId, messageText,
                fromMessageId);
    }

    /** {@code conv-<contact telegram id>-<owner>}: one conversation per team member and lead. */
    public static String conversationId(long contactTelegramId, String owner) {
        return "conv-" + contactTelegramId + "-" + owner;
    }

    public String key() {
        return conversationId;
    }
}
