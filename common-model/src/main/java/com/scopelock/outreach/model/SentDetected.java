package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@link Topics#SENT_DETECTIONS}, key = conversation slug. The team member's own outgoing Telegram message in a
 * watched chat matched the generated outreach message ({@code similarity} in 0..1 after normalising case,
 * whitespace and punctuation). Natural key = ({@code conversation_id}, {@code telegram_message_id}).
 */
public record SentDetected(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String conversationId,
        long contactTelegramId,
        long telegramMessageId,
        Instant sentAt,
        double similarity) implements OutreachEvent {

    public static final String TYPE = "sent.detected";
    public static final int VERSION = 1;

    public static SentDetected of(String owner, String conversationId, long contactTelegramId,
                                  long telegramMessageId, Instant sentAt, double similarity, Instant now) {
        return new SentDetected(UUID.randomUUID(), TYPE, VERSION, now, owner, conversationId, contactTelegramId,
                telegramMessageId, sentAt, similarity);
    }

    public String key() {
        return conversationId;
    }
}
