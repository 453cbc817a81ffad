package com.scopelock.outreach.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The outreach vocabularies that are not part of the wire contract. Reply sentiments and intents are wire
 * vocabulary: {@code ReplyLabeled.SENTIMENTS} / {@code INTENTS} in common-model; session statuses are
 * {@code SessionStatusChanged.STATUSES}.
 */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** A lead's {@code profile_type}, as the analysis writes it. */
    public static final Set<String> PROFILE_TYPES = Set.of("supervisor", "hustler", "both", "unknown");
    public static final String UNKNOWN_PROFILE = "unknown";

    /** A lead file's {@code chat_type}. */
    public static final Set<String> CHAT_TYPES = Set.of("personal_chat", "group", "channel");

    /** A lead's {@code outreach_status} in the graph: its pipeline stage ({@link Pipeline}). */
    public static final Set<String> OUTREACH_STATUSES = Set.copyOf(Pipeline.STAGES);

    /** The words the template uses for {@code {profile_type}} unless configured otherwise. */
    public static final Map<String, String> PROFILE_LABELS = Map.of("supervisor", "supervisor", "hustler", "hustler",
            "both", "leadership and hustle", "unknown", "community");

    /** A known profile type (trimmed, lower case), otherwise {@code unknown}. */
    public static String profileType(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return PROFILE_TYPES.contains(v) ? v : UNKNOWN_PROFILE;
    }
}
