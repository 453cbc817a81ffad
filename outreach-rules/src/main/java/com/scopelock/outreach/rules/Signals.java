package com.scopelock.outreach.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A lead's analysis signals ({@code {"hustler": 12, "raider": 9}}): which are its strongest. */
public final class Signals {
    public static final int MAX_STRONGEST = 8;
    private static final int MAX_NAME = 30;

    private Signals() {
    }

    /** Positive signals, strongest first (ties by name), names that are not plain identifiers dropped, lower case. */
    public static List<String> strongest(Map<String, Integer> signals) {
        return signals.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .filter(e -> name(e.getKey()).isPresent())
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_STRONGEST)
                .map(e -> e.getKey().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** A signal name as a plain identifier ({@code [a-z][a-z0-9_-]{0,29}} after trimming and lower-casing). */
    public static Optional<String> name(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.length() > MAX_NAME || v.charAt(0) < 'a' || v.charAt(0) > 'z') {
            return Optional.empty();
        }
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return Optional.empty();
            }
        }
        return Optional.of(v);
    }
}
