package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.RejectionRepository;
import com.scopelock.outreach.api.graph.RejectionRepository.Outcome;
import com.scopelock.outreach.problems.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/** A member marks a lead rejected (it leaves the queue) or takes the mark back, as the lead's claim allows. */
@ApplicationScoped
public class RejectionService {
    public static final int MAX_REASON = 500;

    private final RejectionRepository rejections;
    private final QueueService queue;

    public RejectionService(RejectionRepository rejections, QueueService queue) {
        this.rejections = rejections;
        this.queue = queue;
    }

    /** {@code reason} may be null or blank (no reason given). */
    public Uni<Outcome> reject(String member, String contactSlug, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            throw ProblemException.invalid("invalid_reason", "reason", "is at most " + MAX_REASON + " characters, was "
                    + why.length());
        }
        return rejections.reject(contactSlug, why, member, Instant.now())
                .map(found -> checked(found, contactSlug, true));
    }

    public Uni<Outcome> undo(String member, String contactSlug) {
        return rejections.undo(contactSlug, member, Instant.now()).map(found -> checked(found, contactSlug, false));
    }

    private Outcome checked(Optional<Outcome> found, String contactSlug, boolean rejecting) {
        Outcome outcome = found.orElseThrow(
                () -> ProblemException.of(404, "contact_not_found", "no contact " + contactSlug));
        if (!outcome.allowed()) {
            String message = "this lead is claimed by " + outcome.claimedBy() + " until " + outcome.claimedUntil()
                    + "; only they can " + (rejecting ? "reject it" : "take the rejection back");
            throw ProblemException.of(409, "claimed_by_other", message)
                    .with("claimed_by", outcome.claimedBy()).with("claimed_until", outcome.claimedUntil());
        }
        if (rejecting && outcome.doNotContact()) {
            throw ProblemException.of(409, "do_not_contact", "this lead is marked do-not-contact; it is out of the queue already");
        }
        queue.invalidateCounts();
        return outcome;
    }
}
