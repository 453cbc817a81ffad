package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.DoNotContactRepository;
import com.scopelock.outreach.api.graph.DoNotContactRepository.Mark;
import com.scopelock.outreach.problems.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Who may set and lift a do-not-contact mark (the rules themselves are decided atomically in
 * {@link DoNotContactRepository}); this turns a refusal into its answer.
 */
@ApplicationScoped
public class DoNotContactService {
    public static final int MAX_REASON = 500;

    private final DoNotContactRepository marks;
    private final QueueService queue;
    private final WatchWithdrawals withdrawals;

    public DoNotContactService(DoNotContactRepository marks, QueueService queue, WatchWithdrawals withdrawals) {
        this.marks = marks;
        this.queue = queue;
        this.withdrawals = withdrawals;
    }

    public Uni<Mark> mark(String member, String slug, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw ProblemException.invalid("invalid_reason", "reason", "is required, at most " + MAX_REASON + " characters");
        }
        return marks.mark(slug, why, member, Instant.now()).map(found -> checked(found, slug, "mark"))
                .call(m -> withdrawals.doNotContact(slug)); // nobody watches a marked lead's conversations
    }

    /** {@code reason} is optional, except for a mark the lead set itself (an unsubscribe). */
    public Uni<Mark> unmark(String member, String slug, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw ProblemException.invalid("invalid_reason", "reason", "is at most " + MAX_REASON + " characters");
        }
        return marks.unmark(slug, why, member, Instant.now()).map(found -> {
            Mark m = checked(found, slug, "lift the mark of");
            if (m.doNotContact() && !m.changed() && "lead".equals(m.source())) {
                throw ProblemException.of(409, "lead_opted_out", "the lead asked not to be contacted (" + m.reason()
                        + "); lifting that needs an explicit reason: DELETE …/do-not-contact?reason=…");
            }
            return m;
        });
    }

    private Mark checked(Optional<Mark> found, String slug, String what) {
        Mark m = allowed(found.orElseThrow(() -> ProblemException.of(404, "contact_not_found", "no contact " + slug)),
                what);
        if (m.changed()) {
            queue.invalidateCounts();
        }
        return m;
    }

    /** The mark, or 409 {@code claimed_by_other} when another member's valid claim refused the change. */
    public static Mark allowed(Mark m, String what) {
        if (m.claimedByOther()) {
            String message = "this lead is claimed by " + m.claimedBy() + " until " + m.claimedUntil()
                    + "; only the claimer may " + what + " it";
            throw ProblemException.of(409, "claimed_by_other", message).with("claimed_by", m.claimedBy())
                    .with("claimed_until", m.claimedUntil());
        }
        return m;
    }
}
