package com.scopelock.outreach.generator.messaging;

import com.scopelock.outreach.generator.service.ReplyLabelService;
import com.scopelock.outreach.model.JsonCodec.PoisonRecordException;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Consumes {@code outreach.replies}, publishes one {@code outreach.reply-labels} record per reply. */
@ApplicationScoped
public class ReplyConsumer {
    private static final Logger LOG = Logger.getLogger(ReplyConsumer.class);

    private final ReplyLabelService labels;
    private final ReplyLabelPublisher publisher;

    public ReplyConsumer(ReplyLabelService labels, ReplyLabelPublisher publisher) {
        this.labels = labels;
        this.publisher = publisher;
    }

    @Incoming(Topics.REPLIES)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onReply(Message<String> message) {
        ReplyDetected reply;
        try {
            reply = Events.reply(message.getPayload());
        } catch (PoisonRecordException e) {
            LOG.warn("poison reply sent to the dead-letter topic");
            return message.nack(e);
        }
        labels.label(reply)
                .thenCompose(publisher::publish)
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        message.ack();
                    } else {
                        LOG.errorf("label for %s not published: %s", reply.conversationId(),
                                error.getClass().getSimpleName());
                        message.nack(error);
                    }
                });
        return CompletableFuture.completedFuture(null);
    }
}
