package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.telegram.api.TdMessage;

import java.time.Duration;

/**
 * What one Telegram message means for a watched conversation. Pure: no I/O.
 * <ul>
 *   <li>Only messages of the private chat with the lead (chat id = the lead's user id) and inside the watch's
 *   window count: after {@code from_message_id} when set, else dated at or after the watch (minus a clock
 *   slack).</li>
 *   <li>{@link Kind#REPLY}: incoming ({@code is_outgoing} false) and sent by the lead's own user id.</li>
 *   <li>{@link Kind#SENT}: outgoing and similar enough to the generated message text.</li>
 * </ul>
 */
public final class MessageClassifier {
    public enum Kind { REPLY, SENT, NONE }

    public record Decision(Kind kind, double similarity) {
        static final Decision NONE = new Decision(Kind.NONE, 0);
    }

    private final double sentThreshold;
    private final Duration clockSlack;

    public MessageClassifier(double sentThreshold, Duration clockSlack) {
        this.sentThreshold = sentThreshold;
        this.clockSlack = clockSlack;
    }

    public Decision classify(WatchRequested watch, TdMessage message) {
        if (message.chatId() != watch.contactTelegramId() || !inWindow(watch, message)) {
            return Decision.NONE;
        }
        if (!message.isOutgoing()) {
            return message.senderUserId() == watch.contactTelegramId()
                    ? new Decision(Kind.REPLY, 0) : Decision.NONE;
        }
        if (watch.messageText() == null || watch.messageText().isBlank()) {
            return Decision.NONE;
        }
        double similarity = TextMatcher.similarity(watch.messageText(), message.text());
        return similarity >= sentThreshold ? new Decision(Kind.SENT, similarity) : Decision.NONE;
    }

    public boolean inWindow(WatchRequested watch, TdMessage message) {
        if (watch.fromMessageId() != null) {
            return message.id() > watch.fromMessageId();
        }
        return message.date() >= dateFloor(watch);
    }

    /** Unix seconds before which a message is older than the watch (null from_message_id). */
    public long dateFloor(WatchRequested watch) {
        return watch.occurredAt().minus(clockSlack).getEpochSecond();
    }
}
