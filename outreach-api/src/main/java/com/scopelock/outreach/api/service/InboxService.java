package com.scopelock.outreach.api.service;

import com.scopelock.outreach.rules.Slugs;
import com.scopelock.outreach.api.graph.ConversationRepository;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.ReplyLabeled;
import com.scopelock.outreach.model.SentDetected;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What replies, labels and sent detections do to the graph, and the live events they cause. */
@ApplicationScoped
public class InboxService {
    private static final Logger LOG = Logger.getLogger(InboxService.class);

    private final ConversationRepository conversations;
    private final NotificationHub notifications;
    private final QueueService queue;
    private final LabelService labels;

    public InboxService(ConversationRepository conversations, NotificationHub notifications, QueueService queue,
                        LabelService labels) {
        this.conversations = conversations;
        this.notifications = notifications;
        this.queue = queue;
        this.labels = labels;
    }

    /** Idempotent: a reply delivered again changes nothing and notifies nobody. */
    public Uni<Void> onReply(ReplyDetected reply) {
        String now = Instant.now().toString();
        String receivedAt = (reply.receivedAt() == null ? reply.occurredAt() : reply.receivedAt()).toString();
        return conversations.upsertReply(reply.owner(), reply.conversationId(), reply.contactTelegramId(),
                        reply.telegramMessageId(), reply.text(), receivedAt, now)
                .chain(stored -> {
                    if (stored.isEmpty()) {
                        LOG.warnf("reply for conversation %s ignored: it belongs to another member", reply.conversationId());
                        return Uni.createFrom().voidItem();
                    }
                    if (!stored.get().fresh()) {
                        return Uni.createFrom().voidItem();
                    }
                    return conversations.linkLead(reply.owner(), reply.conversationId(), reply.contactTelegramId(), receivedAt, now)
                            .invoke(queue::invalidateCounts)
                            .call(() -> conversations.linkMessage(reply.owner(), reply.conversationId(),
                                    reply.contactTelegramId(), reply.telegramMessageId()))
                            .call(() -> conversations.linkSession(reply.owner(), reply.conversationId(), now))
                            .replaceWithVoid();
                });
    }

    /** The live event for a reply; every replica sends it to the members connected to it. */
    public void notifyReply(ReplyDetected reply) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation_id", reply.conversationId());
        data.put("contact_telegram_id", reply.contactTelegramId());
        data.put("telegram_message_id", reply.telegramMessageId());
        data.put("reply_id", Slugs.reply(reply.conversationId(), reply.telegramMessageId()));
        data.put("text", reply.text());
        data.put("received_at", reply.receivedAt());
        data.put("detected_at", reply.occurredAt());
        notifications.publish(reply.owner(), "reply", data);
    }

    /** Stores the label; only an explicit opt-out marks the lead do-not-contact ({@link LabelService}). */
    public Uni<Void> onLabel(ReplyLabeled label) {
        return labels.onLabel(label, Slugs.reply(label.conversationId(), label.telegramMessageId()));
    }

    public void notifyLabel(ReplyLabeled label) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conversation_id", label.conversationId());
        data.put("telegram_message_id", label.telegramMessageId());
        data.put("reply_id", Slugs.reply(label.conversationId(), label.telegramMessageId()));
        data.put("sentiment", label.sentiment());
        data.put("intent", label.intent());
        data.put("labeled_by", label.labeledBy());
        data.put("do_not_contact_suggested", ReplyLabeled.suggestsDoNotContact(label.sentiment(), label.intent()));
        notifications.publish(label.owner(), "label", data);
    }

    public Uni<Void> onSentDetected(SentDetected sent) {
        String sentAt = (sent.sentAt() == null ? sent.occurredAt() : sent.sentAt()).toString();
        return conversations.markSentDetected(sent.owner(), sent.contactTelegramId(), sent.telegramMessageId(), sentAt,
                        Instant.now().toString())
                .call(mark -> mark.isPresent()
                        ? conversations.relinkReplies(sent.owner(), sent.contactTelegramId()) : Uni.createFrom().voidItem())
                .invoke(mark -> mark.ifPresent(m -> {
                    queue.invalidateCounts();
                    if (!m.already()) {
                        notifications.publish(sent.owner(), "sent", Map.of("message_id", m.messageId(),
                                "contact_id", m.contactId(), "contact_status", m.contactStatus(), "sent_at", sentAt));
                    }
                }))
                .replaceWithVoid();
    }
}
