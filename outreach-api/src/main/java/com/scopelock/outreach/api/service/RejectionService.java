package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.RejectionRepository;
import com.scopelock.outreach.api.graph.RejectionRepository.Outcome;
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
            throw ApiProblem.of(400, "invalid_reason", "reason is at most " + MAX_REASON + " characters, was "
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
                () -> ApiProblem.of(404, "contact_not_found", "no contact " + contactSlug));
        if (!outcome.allowed()) {
            String message = "this lead is claimed by " + outcome.claimedBy() + " until " + outcome.claimedUntil()
                    + "; only they can " + (rejecting ? "reject it" : "take the rejection back");
            throw new ApiProblem(409, new ApiProblem.ClaimConflict("claimed_by_other", message, outcome.claimedBy(),
                    outcome.claimedUntil()), message);
        }
        if (rejecting && outcome.doNotContact()) {
            throw ApiProblem.of(409, "do_not_contact", "this lead is marked do-not-contact; it is out of the queue already");
        }
        queue.invalidateCounts();
        return outcome;
    }
}
