package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Topic {@link Topics#REPLY_LABELS}, key = conversation slug. message-generator's classification of one
 * {@link ReplyDetected}; natural key = ({@code conversation_id}, {@code telegram_message_id}).
 * {@code labeled_by} is {@code claude} (the CLI answered valid JSON) or {@code rules} (keyword fallback).
 */
public record ReplyLabeled(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String conversationId,
        long contactTelegramId,
        long telegramMessageId,
        String sentiment,
        String intent,
        String labeledBy) implements OutreachEvent {

    public static final String TYPE = "reply.labeled";
    public static final int VERSION = 1;
    public static final Set<String> SENTIMENTS = Set.of("positive", "neutral", "negative");
    public static final Set<String> INTENTS =
            Set.of("interested", "not_interested", "later", "question", "out_of_office", "unsubscribe", "other");
    public static final String BY_CLAUDE = "claude";
    public static final String BY_RULES = "rules";
    /** A team member corrected the label (outreach-api; never on the topic). */
    public static final String BY_MEMBER = "member";
    public static final String UNSUBSCRIBE = "unsubscribe";

    /** Only an explicit opt-out marks the lead do-not-contact by itself. */
    public static boolean isOptOut(String intent) {
        return UNSUBSCRIBE.equals(intent);
    }

    /** Any other negative label only suggests do-not-contact; the member confirms it (or corrects the label). */
    public static boolean suggestsDoNotContact(String sentiment, String intent) {
        return !isOptOut(intent) && ("negative".equals(sentiment) || "not_interested".equals(intent));
    }

    public static ReplyLabeled of(ReplyDetected reply, String sentiment, String intent, String labeledBy,
                                  Instant now) {
        return new ReplyLabeled(UUID.randomUUID(), TYPE, VERSION, now, reply.owner(), reply.conversationId(),
                reply.contactTelegramId(), reply.telegramMessageId(), sentiment, intent, labeledBy);
    }

    public String key() {
        return conversationId;
    }
}
