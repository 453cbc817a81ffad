package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@link Topics#REPLIES}, key = conversation slug. A lead answered in a watched conversation.
 * Public topic (external consumers read it): only add fields, never rename or remove them.
 * {@code conversation_id} is the conversation slug; {@code text} is untrusted.
 */
public record ReplyDetected(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String conversationId,
        long contactTelegramId,
        long telegramMessageId,
        String text,
        Instant receivedAt) implements OutreachEvent {

    public static final String TYPE = "reply.detected";
    public static final int VERSION = 1;

    public static ReplyDetected of(String owner, String conversationId, long contactTelegramId,
                                  long telegramMessageId, String text, Instant receivedAt, Instant now) {
        return new ReplyDetected(UUID.randomUUID(), TYPE, VERSION, now, owner, conversationId, contactTelegramId,
                telegramMessageId, text, receivedAt);
    }

    public String key() {
        return conversationId;
    }
}
