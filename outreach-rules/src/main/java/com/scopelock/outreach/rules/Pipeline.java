package com.scopelock.outreach.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lead's pipeline stage (stored as its {@code outreach_status}) and the moves a member may make. The system moves
 * a lead {@code pending → contacted} when its message is sent and {@code pending|contacted → replied} when it
 * answers; do-not-contact has endpoints of its own (it withdraws the watches), so it is neither a target nor a
 * source of a member's stage move.
 */
public final class Pipeline {
    private Pipeline() {
    }

    public static final String PENDING = "pending";
    public static final String CONTACTED = "contacted";
    public static final String REPLIED = "replied";
    public static final String INTERESTED = "interested";
    public static final String CALL_BOOKED = "call_booked";
    public static final String JOINED = "joined";
    public static final String REJECTED = "rejected";
    public static final String NOT_NOW = "not_now";
    public static final String DO_NOT_CONTACT = "do_not_contact";

    /** Every stage, in pipeline order. */
    public static final List<String> STAGES = List.of(PENDING, CONTACTED, REPLIED, INTERESTED, CALL_BOOKED, JOINED,
            REJECTED, NOT_NOW, DO_NOT_CONTACT);

    /** The stages a lead is in after it was sent a message (it stays there: a contacted lead is never pending again). */
    public static final Set<String> AFTER_CONTACT = Set.of(CONTACTED, REPLIED, INTERESTED, CALL_BOOKED, JOINED);

    /** The forward moves; {@link #REJECTED} and {@link #NOT_NOW} re-open by the lead's history (see {@link #refusal}). */
    private static final Map<String, List<String>> FORWARD = Map.of(
            PENDING, List.of(CONTACTED, REJECTED, NOT_NOW),
            CONTACTED, List.of(REPLIED, INTERESTED, REJECTED, NOT_NOW),
            REPLIED, List.of(INTERESTED, CALL_BOOKED, REJECTED, NOT_NOW),
            INTERESTED, List.of(CALL_BOOKED, JOINED, REJECTED, NOT_NOW),
            CALL_BOOKED, List.of(JOINED, INTERESTED, REJECTED, NOT_NOW),
            JOINED, List.of());

    /** What a transition depends on besides the stages: was the lead ever sent a message, did it ever answer. */
    public record History(boolean contacted, boolean replied) {
    }

    public static boolean isStage(String value) {
        return value != null && STAGES.contains(value);
    }

    /** A stored status as a stage: none (a lead written before stages existed without one) reads as pending. */
    public static String stage(String storedStatus) {
        return storedStatus == null ? PENDING : storedStatus;
    }

    /**
     * Why a member may not move a lead from {@code from} to {@code to}, or empty when the move is allowed. Staying
     * in the same stage is allowed (it updates the note, or the date of a {@code not_now}).
     */
    public static Optional<String> refusal(String from, String to, History history) {
        String current = stage(from);
        if (!isStage(to)) {
            return Optional.of("'" + to + "' is not a stage; the stages are " + String.join(", ", STAGES));
        }
        if (DO_NOT_CONTACT.equals(current)) {
            return Optional.of("the lead is marked do-not-contact; lift the mark first (DELETE /api/outreach/contacts/{id}/do-not-contact)");
        }
        if (DO_NOT_CONTACT.equals(to)) {
            return Optional.of("do-not-contact is set with POST /api/outreach/contacts/{id}/do-not-contact, which also stops watching the chat");
        }
        if (current.equals(to)) {
            return Optional.empty();
        }
        if (REJECTED.equals(current) || NOT_NOW.equals(current)) {
            return reopening(current, to, history);
        }
        List<String> next = FORWARD.get(current);
        if (next == null) {
            return Optional.of("the lead's stored stage '" + current + "' is unknown; nothing can follow it");
        }
        if (next.contains(to)) {
            return Optional.empty();
        }
        if (next.isEmpty()) {
            return Optional.of("the lead is " + current + "; that is the last stage, nothing follows it");
        }
        return Optional.of("a lead moves from " + current + " only to " + words(next) + ", not to " + to);
    }

    /** Out of rejected/not_now, a lead goes back to the stage its history fits (or between the two parked stages). */
    private static Optional<String> reopening(String current, String to, History history) {
        String why = switch (to) {
            case PENDING -> history.contacted() ? "the lead was contacted already; it cannot be pending again" : null;
            case CONTACTED -> !history.contacted() ? "the lead was never sent a message; it cannot be contacted"
                    : history.replied() ? "the lead replied already; it goes back to replied or later" : null;
            case REPLIED -> history.replied() ? null : "the lead never replied; it cannot be replied";
            case INTERESTED, CALL_BOOKED -> history.contacted() ? null
                    : "the lead was never sent a message; it cannot be " + to;
            case JOINED -> "a " + current + " lead is re-opened first (to interested or call_booked) before it joins";
            default -> null; // rejected ↔ not_now
        };
        return Optional.ofNullable(why);
    }

    private static String words(List<String> stages) {
        return stages.size() == 1 ? stages.getFirst()
                : String.join(", ", stages.subList(0, stages.size() - 1)) + " or " + stages.getLast();
    }
}
