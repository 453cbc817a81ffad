package com.scopelock.outreach.leadingest.telegram;

import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.rules.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scoring rule for people found in a Telegram export: which signals a message shows, and the scores and
 * profile type their counts give. {@code score = min(15, Σ weight(signal) × messages showing it)}.
 */
@ApplicationScoped
public class Scoring {
    private final ScoringConfig config;
    private final List<String> signalNames;
    private final PhraseMatcher matcher;
    private final int[] supervisorWeights;
    private final int[] hustlerWeights;

    public Scoring(ScoringConfig config) {
        this.config = config;
        Map<String, List<String>> signals = new TreeMap<>(config.signals());
        this.signalNames = List.copyOf(signals.keySet());
        this.matcher = new PhraseMatcher(new ArrayList<>(signals.values()));
        this.supervisorWeights = weights(config.supervisorWeights());
        this.hustlerWeights = weights(config.hustlerWeights());
    }

    private int[] weights(Map<String, Integer> bySignal) {
        int[] weights = new int[signalNames.size()];
        bySignal.forEach((signal, weight) -> {
            int i = signalNames.indexOf(signal);
            if (i < 0) {
                throw new IllegalArgumentException("lead-ingest.scoring: a weight names the signal '" + signal
                        + "', which has no phrases (lead-ingest.scoring.signals." + signal + ")");
            }
            weights[i] = weight;
        });
        return weights;
    }

    /** A fresh accumulator for one import by {@code owner} (the importing member, the export's owner). */
    public ExportPeople begin(String owner) {
        return new ExportPeople(this, owner);
    }

    public ScoringConfig config() {
        return config;
    }

    /** Signal names in bit order (sorted). */
    public List<String> signalNames() {
        return signalNames;
    }

    /** The signals a message's text shows, bit i = {@code signalNames().get(i)}. */
    public long signals(String text) {
        return matcher.signals(text);
    }

    public int supervisorScore(int[] counts) {
        return score(counts, supervisorWeights);
    }

    public int hustlerScore(int[] counts) {
        return score(counts, hustlerWeights);
    }

    public String profileType(int supervisorScore, int hustlerScore) {
        boolean supervisor = supervisorScore >= config.profileThreshold();
        boolean hustler = hustlerScore >= config.profileThreshold();
        if (supervisor && hustler) {
            return "both";
        }
        return supervisor ? "supervisor" : hustler ? "hustler" : Vocabulary.UNKNOWN_PROFILE;
    }

    private static int score(int[] counts, int[] weights) {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += (long) counts[i] * weights[i];
        }
        return (int) Math.min(LeadData.MAX_SCORE, sum);
    }
}
