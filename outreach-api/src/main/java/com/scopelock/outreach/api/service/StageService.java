package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.GraphTime;
import com.scopelock.outreach.api.graph.StageRepository;
import com.scopelock.outreach.api.graph.StageRepository.Moved;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;
import com.scopelock.outreach.rules.Pipeline;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * A member moves a lead along the pipeline ({@link Pipeline} decides which moves are sensible). Allowed to the
 * lead's claimer, or to anyone while it is unclaimed or the claim expired, as rejecting is.
 */
@ApplicationScoped
public class StageService {
    public static final int MAX_NOTE = 1000;
    /** How far ahead a not_now date may lie. */
    public static final Duration MAX_NOT_NOW = Duration.ofDays(731);

    private final StageRepository stages;
    private final QueueService queue;

    public StageService(StageRepository stages, QueueService queue) {
        this.stages = stages;
        this.queue = queue;
    }

    public record StageChange(String contactId, String stage, String previousStage, boolean changed,
                              String stageChangedAt, String stageChangedBy, String note, String until) {
    }

    /** {@code note} and {@code until} may be null; {@code until} (a date or an instant) only, and always, for not_now. */
    public Uni<StageChange> move(String member, String contactSlug, String stage, String note, String until) {
        Instant now = Instant.now();
        if (!Pipeline.isStage(stage)) {
            throw ProblemException.invalid("invalid_stage", "stage", "must be one of " + String.join(", ", Pipeline.STAGES)
                    + ", got '" + Problems.quote(stage, 40) + "'");
        }
        String why = note == null || note.isBlank() ? null : note.strip();
        if (why != null && why.codePointCount(0, why.length()) > MAX_NOTE) {
            throw ProblemException.invalid("invalid_note", "note", "is at most " + MAX_NOTE + " characters");
        }
        String comeBack = until(stage, until, now);
        return stages.state(contactSlug, member, now).chain(found -> {
            StageRepository.State state = found.orElseThrow(
                    () -> ProblemException.of(404, "contact_not_found", "no contact " + contactSlug));
            if (!state.free()) {
                throw ProblemException.of(409, "claimed_by_other", "this lead is claimed by " + state.claimedBy()
                                + " until " + state.claimedUntil() + "; only they can move its stage")
                        .with("claimed_by", state.claimedBy()).with("claimed_until", state.claimedUntil());
            }
            Pipeline.refusal(state.stage(), stage, new Pipeline.History(state.contacted(), state.replied()))
                    .ifPresent(reason -> {
                        throw ProblemException.of(409, "stage_transition_not_allowed", reason)
                                .with("from", state.stage()).with("to", stage);
                    });
            return stages.move(contactSlug, state.stage(), stage, why, comeBack, member, now).map(moved -> {
                Moved m = moved.orElseThrow(() -> ProblemException.of(409, "stage_changed",
                        "the lead's stage or claim changed while moving it; reload it and try again"));
                queue.invalidateCounts();
                return new StageChange(contactSlug, m.stage(), state.stage(), !state.stage().equals(m.stage()),
                        m.stageChangedAt(), m.stageChangedBy(), m.note(), m.until());
            });
        });
    }

    private static String until(String stage, String raw, Instant now) {
        boolean notNow = Pipeline.NOT_NOW.equals(stage);
        if (raw == null || raw.isBlank()) {
            if (notNow) {
                throw ProblemException.invalid("invalid_until", "until", "is required for not_now: the date to come back to the lead");
            }
            return null;
        }
        if (!notNow) {
            throw ProblemException.invalid("invalid_until", "until", "is only for not_now (the date to come back)");
        }
        Instant when = FutureDates.parse("invalid_until", "until", raw, now, MAX_NOT_NOW);
        return GraphTime.format(when);
    }
}
