package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.model.ReplyLabeled;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules against the evaluation set; prints the per-intent table (run alone:
 * {@code ./mvnw -B -o -pl message-generator -am test -Dtest=RuleLabelEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class RuleLabelEvaluationTest {
    private final List<LabelEvaluation.Sample> set = LabelEvaluation.load();

    @Test
    void theSetIsLargeValidAndCoversEveryIntentAndLanguage() {
        assertTrue(set.size() >= 200, "at least 200 labelled replies, got " + set.size());
        Set<String> texts = new HashSet<>();
        for (LabelEvaluation.Sample s : set) {
            assertTrue(texts.add(s.text()), "duplicate: " + s.text());
            assertTrue(ReplyLabeled.SENTIMENTS.contains(s.sentiment()), s.text());
            assertTrue(ReplyLabeled.INTENTS.contains(s.intent()), s.text());
        }
        assertEquals(ReplyLabeled.INTENTS, set.stream().map(LabelEvaluation.Sample::intent).collect(Collectors.toSet()));
        assertTrue(set.stream().map(LabelEvaluation.Sample::lang).collect(Collectors.toSet())
                .containsAll(Set.of("en", "ru", "es", "pt", "de", "fr", "mixed")));
    }

    @Test
    void rulesReachNinetyPercentAndNeverLoseAPositiveReply() {
        RuleBasedLabeler rules = new RuleBasedLabeler();
        LabelEvaluation.Result result = LabelEvaluation.score("rules (RuleBasedLabeler)", set, rules::label);
        System.out.println(result.table());
        System.out.println("misses:\n" + result.missList());
        assertTrue(result.positivesLost().isEmpty(),
                "positive replies labelled as a refusal or an opt-out:\n" + result.positivesLost());
        assertTrue(result.intentAccuracy() >= 0.90,
                "intent accuracy " + result.intentAccuracy() + " < 0.90\n" + result.table() + result.missList());
    }

    /** Reported, not tuned for: only the rule that no positive reply becomes a refusal is enforced here. */
    @Test
    void heldOutRepliesNeverLoseAPositiveReply() {
        LabelEvaluation.Result result = LabelEvaluation.score("rules on the held-out replies",
                LabelEvaluation.load(LabelEvaluation.HELD_OUT), new RuleBasedLabeler()::label);
        System.out.println(result.table());
        System.out.println("misses:\n" + result.missList());
        assertTrue(result.positivesLost().isEmpty(), result.positivesLost().toString());
    }
}
