package com.scopelock.outreach.generator.service;

import com.google.re2j.Pattern;
import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.MatchingMessage;
import com.scopelock.outreach.model.MessageGenerated.Hook;


import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the lead's message the first message should refer to: a snippet of one of its strongest signals,
 * preferring specific ones (numbers, concrete things they did) over generic asks, and recent over old.
 *
 * <p>Score = signal strength (0–4, relative to the lead's strongest signal) + specificity (−4…+4)
 * + recency (0–2, relative to the lead's newest snippet, fading over a year). Ties go to the newer snippet.
 * Without matching messages, the most specific sample message is used (no message id); without either,
 * there is no hook. The snippets are lead data: the patterns run on RE2/J (linear time).
 */
public final class HookSelector {
    private static final Pattern ACTIVITY = Pattern.compile(
            "(?i)\\b(?:built|build|building|deployed|shipped|completed|finished|managed|wrote|written|created|"
                    + "reviewed|raided|raiding|posted|launched|coordinated?|coordinating|organi[sz]ed|ran|made|"
                    + "designed|fixed|automated|onboard(?:ed)?|tracked|track|flagged|split|took|done|grind(?:ed)?|"
                    + "delivered|led|mentored|moderated|reviewing)\\b");
    private static final Pattern GENERIC = Pattern.compile(
            "(?i)\\b(?:any opportunit\\w*|how much|looking for|i want to|what'?s next|anyone|who needs|"
                    + "link\\b|pay\\b|paid gigs?)");
    private static final double MAX_SIGNAL_POINTS = 4.0;
    private static final double MAX_RECENCY_POINTS = 2.0;

    public Optional<Hook> select(GenerationRequested lead) {
        List<MatchingMessage> candidates = lead.matchingMessages().stream()
                .filter(m -> m.textSnippet() != null && !m.textSnippet().isBlank())
                .toList();
        if (candidates.isEmpty()) {
            return bestSample(lead.sampleMessages());
        }
        LocalDate newest = candidates.stream().map(m -> date(m.date())).filter(d -> d != null)
                .max(Comparator.naturalOrder()).orElse(null);
        int strongest = lead.signals().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Comparator<MatchingMessage> best = Comparator
                .comparingDouble((MatchingMessage m) -> score(m, lead.signals(), strongest, newest))
                .thenComparing(m -> date(m.date()), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(m -> lead.signals().getOrDefault(m.signalType(), 0));
        MatchingMessage chosen = candidates.stream().max(best).orElseThrow();
        return Optional.of(new Hook(chosen.messageId(), chosen.textSnippet().strip(), chosen.signalType(),
                chosen.date()));
    }

    static double score(MatchingMessage m, Map<String, Integer> signals, int strongest, LocalDate newest) {
        double signal = strongest <= 0 ? 0 : MAX_SIGNAL_POINTS * signals.getOrDefault(m.signalType(), 0) / strongest;
        return signal + specificity(m.textSnippet()) + recency(date(m.date()), newest);
    }

    /** Numbers and concrete activity make a snippet worth quoting; questions and generic asks do not. */
    static double specificity(String snippet) {
        double points = 0;
        if (snippet.chars().anyMatch(c -> c >= '0' && c <= '9')) {
            points += 2;
        }
        if (ACTIVITY.matcher(snippet).find()) {
            points += 2;
        }
        if (snippet.contains("?")) {
            points -= 2;
        }
        if (GENERIC.matcher(snippet).find()) {
            points -= 1;
        }
        if (words(snippet) < 4) {
            points -= 1;
        }
        return points;
    }

    private static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private static double recency(LocalDate date, LocalDate newest) {
        if (date == null || newest == null) {
            return 0;
        }
        long ageDays = ChronoUnit.DAYS.between(date, newest);
        return MAX_RECENCY_POINTS * Math.max(0, 1 - ageDays / 365.0);
    }

    private static Optional<Hook> bestSample(List<String> samples) {
        return samples.stream()
                .filter(s -> s != null && !s.isBlank())
                .max(Comparator.comparingDouble(HookSelector::specificity))
                .map(s -> new Hook(null, s.strip(), null, null));
    }

    /** The ISO date part of what the analysis wrote ("2025-01-10T12:00:00", "2024-11-01"); null if unreadable. */
    static LocalDate date(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
