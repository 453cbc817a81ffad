package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.api.service.InboxService;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.ReplyLabeled;
import com.scopelock.outreach.model.SentDetected;
import com.scopelock.outreach.model.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Replies, reply labels and sent detections into the graph (group outreach-api: each record once per suite),
 * and — on the {@code .live} channels, whose group is unique to this replica — the live events for the
 * members connected here.
 */
@ApplicationScoped
public class InboxConsumers {
    static final String REPLIES_LIVE = "outreach.replies.live";
    static final String LABELS_LIVE = "outreach.reply-labels.live";

    private final InboxService inbox;
    private final EventDecoder decoder;

    public InboxConsumers(InboxService inbox, EventDecoder decoder) {
        this.inbox = inbox;
        this.decoder = decoder;
    }

    @Incoming(Topics.REPLIES)
    public Uni<Void> reply(String payload) {
        return decoder.apply(Topics.REPLIES, payload, ReplyDetected.class, inbox::onReply);
    }

    @Incoming(Topics.REPLY_LABELS)
    public Uni<Void> label(String payload) {
        return decoder.apply(Topics.REPLY_LABELS, payload, ReplyLabeled.class, inbox::onLabel);
    }

    @Incoming(Topics.SENT_DETECTIONS)
    public Uni<Void> sent(String payload) {
        return decoder.apply(Topics.SENT_DETECTIONS, payload, SentDetected.class, inbox::onSentDetected);
    }

    @Incoming(REPLIES_LIVE)
    public void replyLive(String payload) {
        if (payload != null) {
            decodeQuietly(payload, ReplyDetected.class).ifPresent(inbox::notifyReply);
        }
    }

    @Incoming(LABELS_LIVE)
    public void labelLive(String payload) {
        if (payload != null) {
            decodeQuietly(payload, ReplyLabeled.class).ifPresent(inbox::notifyLabel);
        }
    }

    /** The graph consumers dead-letter poison records; the live ones just skip them. */
    private static <T> java.util.Optional<T> decodeQuietly(String payload, Class<T> type) {
        try {
            return java.util.Optional.of(com.scopelock.outreach.model.JsonCodec.decode(payload, type));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
