package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.DoNotContactRepository;
import com.scopelock.outreach.api.graph.DoNotContactRepository.Mark;
import com.scopelock.outreach.api.graph.LabelRepository;
import com.scopelock.outreach.model.ReplyLabeled;
import com.scopelock.outreach.problems.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a reply label may do to a lead. Only an explicit opt-out ({@link ReplyLabeled#isOptOut}) marks the lead
 * do-not-contact by itself; any other negative label is stored as a suggestion that the member confirms in one
 * click. A member can correct a label; the correction is kept (who, when, old → new), a later delivery of the
 * generator's label does not overwrite it, and correcting an opt-out lifts the mark that label had set (the
 * correction is the lift's reason). An opt-out — the label's or the member's correction to one — is the lead's own
 * mark (lifted by hand only with a reason); confirming a suggestion is the member's mark, which follows the claim
 * rule of {@link DoNotContactService}. No mark moves a claim.
 */
@ApplicationScoped
public class LabelService {
    /** The actor recorded on a do-not-contact mark that an opt-out label set. */
    static final String LABEL_ACTOR = "message-generator";

    private final LabelRepository labels;
    private final DoNotContactRepository doNotContact;
    private final QueueService queue;
    private final NotificationHub notifications;
    private final WatchWithdrawals withdrawals;

    public LabelService(LabelRepository labels, DoNotContactRepository doNotContact, QueueService queue,
                        NotificationHub notifications, WatchWithdrawals withdrawals) {
        this.labels = labels;
        this.doNotContact = doNotContact;
        this.queue = queue;
        this.notifications = notifications;
        this.withdrawals = withdrawals;
    }

    /** A lead became do-not-contact: out of the queue counts, and every member's watch of it withdrawn. */
    private Uni<Optional<Mark>> marked(Uni<Optional<Mark>> mark, long contactTelegramId) {
        return mark.invoke(queue::invalidateCounts).call(() -> withdrawals.doNotContact(contactTelegramId));
    }

    private static String status(Optional<Mark> mark) {
        return mark.map(Mark::outreachStatus).orElse(null);
    }

    /** The generator's label from Kafka. */
    public Uni<Void> onLabel(ReplyLabeled label, String reply) {
        String now = Instant.now().toString();
        boolean suggest = ReplyLabeled.suggestsDoNotContact(label.sentiment(), label.intent());
        return labels.store(label.owner(), reply, label.sentiment(), label.intent(), label.labeledBy(), suggest, now)
                .chain(kept -> kept.isPresent() && !kept.get() && ReplyLabeled.isOptOut(label.intent())
                        ? marked(doNotContact.markByLead(label.contactTelegramId(), "the lead asked to unsubscribe",
                                LABEL_ACTOR, Instant.now()), label.contactTelegramId()).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }

    public record Correction(String replyId, String sentiment, String intent, String labeledBy,
                             Map<String, String> previous, String correctedBy, String correctedAt,
                             boolean doNotContactSuggested, String leadStatus) {
    }

    /** The owner's correction of one of their replies' label. */
    public Uni<Correction> correct(String owner, String reply, String sentiment, String intent) {
        String now = Instant.now().toString();
        boolean suggest = ReplyLabeled.suggestsDoNotContact(sentiment, intent);
        return labels.correct(owner, reply, "label-correction-" + UUID.randomUUID(), sentiment, intent, suggest, now)
                .map(found -> found.orElseThrow(() -> notFound(reply)))
                .chain(previous -> leadAfterCorrection(owner, previous, intent).map(status -> {
                    Map<String, String> before = new LinkedHashMap<>();
                    before.put("sentiment", previous.sentiment());
                    before.put("intent", previous.intent());
                    before.put("labeled_by", previous.labeledBy());
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("reply_id", reply);
                    event.put("sentiment", sentiment);
                    event.put("intent", intent);
                    event.put("labeled_by", ReplyLabeled.BY_MEMBER);
                    event.put("do_not_contact_suggested", suggest);
                    notifications.publish(owner, "label", event);
                    return new Correction(reply, sentiment, intent, ReplyLabeled.BY_MEMBER, before, owner, now, suggest,
                            status);
                }));
    }

    /** Corrected to an opt-out: the member marks the lead; corrected away from one: the label's own mark is lifted. */
    private Uni<String> leadAfterCorrection(String owner, LabelRepository.Previous previous, String intent) {
        if (ReplyLabeled.isOptOut(intent)) {
            return marked(doNotContact.markByLead(previous.contactTelegramId(),
                            "the member corrected a reply's label to unsubscribe", owner, Instant.now()),
                    previous.contactTelegramId()).map(LabelService::status);
        }
        if (ReplyLabeled.isOptOut(previous.intent())) {
            return doNotContact.unmarkIfMarkedBy(previous.contactTelegramId(), LABEL_ACTOR,
                            "the member corrected the reply label " + previous.intent() + " to " + intent, owner,
                            Instant.now())
                    .invoke(queue::invalidateCounts).map(LabelService::status);
        }
        return Uni.createFrom().nullItem();
    }

    public record Confirmation(String replyId, boolean doNotContact, String leadStatus) {
    }

    /**
     * The member's one click on a suggestion: the lead becomes do-not-contact, under the claim rule of a member's mark;
     * the suggestion is used up only once the mark is allowed. 409 when nothing was suggested.
     */
    public Uni<Confirmation> confirmDoNotContact(String owner, String reply) {
        return labels.suggestion(owner, reply)
                .map(found -> found.orElseThrow(() -> notFound(reply)))
                .chain(s -> {
                    if (!s.suggested()) {
                        throw noSuggestion(reply);
                    }
                    return marked(doNotContact.markByTelegramId(s.contactTelegramId(),
                                    "the member confirmed the reply label " + s.intent(), owner, Instant.now())
                                    .map(found -> found.map(m -> DoNotContactService.allowed(m, "mark"))),
                            s.contactTelegramId())
                            .chain(m -> labels.takeSuggestion(owner, reply, Instant.now().toString())
                                    .map(taken -> new Confirmation(reply, m.map(Mark::doNotContact).orElse(true),
                                            status(m))));
                });
    }

    private static ProblemException noSuggestion(String reply) {
        return ProblemException.of(409, "no_suggestion", "reply " + reply
                + " has no do-not-contact suggestion (already confirmed, or its label is not negative)");
    }

    private static ProblemException notFound(String reply) {
        return ProblemException.of(404, "reply_not_found", "no reply " + reply + " in your conversations");
    }
}
