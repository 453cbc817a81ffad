package com.scopelock.outreach.generator.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.scopelock.outreach.model.JsonCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores a labeler against the evaluation set {@code src/test/resources/label-eval/replies.json} (hand-written
 * replies with their true sentiment and intent): accuracy per true intent, overall, and every reply whose true
 * sentiment is positive but which was labelled unsubscribe or not_interested (the mistake that loses a lead).
 */
public final class LabelEvaluation {
    /** The evaluation set: written for this project together with the rules. */
    public static final String SET = "/label-eval/replies.json";
    /** Written after the rules were first frozen, to see how they do on phrasing they were not built for. */
    public static final String HELD_OUT = "/label-eval/held-out.json";

    public record Sample(String text, String lang, String sentiment, String intent, List<String> tags) {
    }

    public record Miss(Sample sample, ReplyLabel got) {
    }

    public record Result(String labeler, int total, int correctIntent, int correctSentiment,
                         Map<String, int[]> perIntent, List<Miss> misses, List<Miss> positivesLost) {
        public double intentAccuracy() {
            return total == 0 ? 0 : (double) correctIntent / total;
        }

        public double sentimentAccuracy() {
            return total == 0 ? 0 : (double) correctSentiment / total;
        }

        /** A Markdown table: per intent correct / total and accuracy, then overall figures. */
        public String table() {
            StringBuilder out = new StringBuilder();
            out.append("labeler: ").append(labeler).append('\n');
            out.append("| intent | correct | total | accuracy |\n|---|---:|---:|---:|\n");
            perIntent.forEach((intent, n) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f %% |%n",
                    intent, n[0], n[1], 100.0 * n[0] / n[1])));
            out.append(String.format(Locale.ROOT, "| **all (intent)** | %d | %d | %.1f %% |%n", correctIntent, total,
                    100 * intentAccuracy()));
            out.append(String.format(Locale.ROOT, "| sentiment | %d | %d | %.1f %% |%n", correctSentiment, total,
                    100 * sentimentAccuracy()));
            out.append("positive replies labelled unsubscribe or not_interested: ").append(positivesLost.size()).append('\n');
            return out.toString();
        }

        public String missList() {
            StringBuilder out = new StringBuilder();
            for (Miss m : misses) {
                out.append(String.format(Locale.ROOT, "  want %s/%s got %s/%s: %s%n", m.sample().sentiment(),
                        m.sample().intent(), m.got().sentiment(), m.got().intent(), m.sample().text().replace('\n', '⏎')));
            }
            return out.toString();
        }
    }

    private LabelEvaluation() {
    }

    public static List<Sample> load() {
        return load(SET);
    }

    public static List<Sample> load(String resource) {
        try (InputStream in = LabelEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the test classpath");
            }
            return JsonCodec.mapper().readValue(in, new TypeReference<List<Sample>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Result score(String name, List<Sample> samples, Function<String, ReplyLabel> labeler) {
        Map<String, int[]> perIntent = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        List<Miss> lost = new ArrayList<>();
        int intentOk = 0;
        int sentimentOk = 0;
        for (Sample s : samples) {
            ReplyLabel got = labeler.apply(s.text());
            int[] n = perIntent.computeIfAbsent(s.intent(), k -> new int[2]);
            n[1]++;
            if (got.intent().equals(s.intent())) {
                n[0]++;
                intentOk++;
            } else {
                misses.add(new Miss(s, got));
            }
            if (got.sentiment().equals(s.sentiment())) {
                sentimentOk++;
            }
            if ("positive".equals(s.sentiment())
                    && ("unsubscribe".equals(got.intent()) || "not_interested".equals(got.intent()))) {
                lost.add(new Miss(s, got));
            }
        }
        return new Result(name, samples.size(), intentOk, sentimentOk, perIntent, misses, lost);
    }
}
