package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.config.FollowUpConfig;
import com.scopelock.outreach.api.graph.FollowUpRepository;
import com.scopelock.outreach.api.graph.FollowUpRepository.State;
import com.scopelock.outreach.api.graph.GraphTime;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;
import com.scopelock.outreach.rules.Pipeline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Follow-ups of contacted leads: set (a due date), snooze (days added to the due date, or to now if it passed),
 * done, cancelled. A reply cancels an open one by itself; a member's change follows the lead's claim rule.
 */
@ApplicationScoped
public class FollowUpService {
    public static final Set<String> STATUSES = Set.of("open", "done", "cancelled");
    /** Stages whose lead is not followed up. */
    private static final Set<String> CLOSED = Set.of(Pipeline.DO_NOT_CONTACT, Pipeline.REJECTED, Pipeline.JOINED);

    private final FollowUpRepository followUps;
    private final FollowUpConfig config;

    public FollowUpService(FollowUpRepository followUps, FollowUpConfig config) {
        this.followUps = followUps;
        this.config = config;
    }

    /** The due date sending sets: {@code outreach.follow-up.default-after} after {@code sentAt}. */
    public String dueAfterSend(Instant sentAt) {
        return GraphTime.format(sentAt.plus(config.defaultAfter()));
    }

    /** What a member asked: {@code status} (default open), and for open either {@code dueAt} or {@code snoozeDays}. */
    public record Change(String status, String dueAt, Integer snoozeDays) {
    }

    public record FollowUpView(String contactId, String followUpStatus, String followUpDueAt, String followUpSetBy,
                               String followUpSetAt) {
    }

    public Uni<FollowUpView> change(String member, String contactSlug, Change change) {
        Instant now = Instant.now();
        String status = change.status() == null ? "open" : change.status();
        if (!STATUSES.contains(status)) {
            throw ProblemException.invalid("invalid_status", "status", "must be open, done or cancelled, got '"
                    + Problems.quote(status, 40) + "'");
        }
        boolean open = status.equals("open");
        if (!open && (change.dueAt() != null || change.snoozeDays() != null)) {
            throw ProblemException.invalid("invalid_body", change.dueAt() != null ? "due_at" : "snooze_days",
                    "is only for an open follow-up");
        }
        if (open && (change.dueAt() == null) == (change.snoozeDays() == null)) {
            throw ProblemException.invalid("invalid_body", "due_at", "an open follow-up needs either due_at or snooze_days");
        }
        long maxDays = config.maxAhead().toDays();
        if (change.snoozeDays() != null && (change.snoozeDays() < 1 || change.snoozeDays() > maxDays)) {
            throw ProblemException.invalid("invalid_snooze_days", "snooze_days", "must be from 1 to " + maxDays);
        }
        Instant asked = change.dueAt() == null ? null : FutureDates.parse("invalid_due_at", "due_at", change.dueAt(), now, config.maxAhead());
        return followUps.state(contactSlug, member, now).chain(found -> {
            State state = found.orElseThrow(() -> ProblemException.of(404, "contact_not_found", "no contact " + contactSlug));
            if (!state.free()) {
                throw ProblemException.of(409, "claimed_by_other", "this lead is claimed by " + state.claimedBy()
                                + " until " + state.claimedUntil() + "; only they can change its follow-up")
                        .with("claimed_by", state.claimedBy()).with("claimed_until", state.claimedUntil());
            }
            if (state.contactedAt() == null) {
                throw ProblemException.of(409, "not_contacted", "the lead was never sent a message; a follow-up comes after one");
            }
            if (open && CLOSED.contains(state.stage())) {
                throw ProblemException.of(409, "follow_up_not_allowed", "the lead is " + state.stage() + "; it is not followed up");
            }
            String kind;
            String due;
            if (!open) {
                kind = "follow_up_" + status;
                due = state.dueAt();
            } else if (change.snoozeDays() != null) {
                if (!"open".equals(state.status())) {
                    throw ProblemException.of(409, "no_open_follow_up", "there is no open follow-up to snooze; set one with due_at");
                }
                Instant from = state.dueAt() == null ? now : later(Instant.parse(state.dueAt()), now);
                kind = "follow_up_snoozed";
                due = GraphTime.format(from.plus(Duration.ofDays(change.snoozeDays())));
            } else {
                kind = "follow_up_set";
                due = GraphTime.format(asked);
            }
            return followUps.update(contactSlug, state, status, due, kind, member, now).map(updated -> {
                var f = updated.orElseThrow(() -> ProblemException.of(409, "follow_up_changed",
                        "the follow-up or the lead's claim changed meanwhile; reload it and try again"));
                return new FollowUpView(contactSlug, f.status(), f.dueAt(), f.setBy(), f.setAt());
            });
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
