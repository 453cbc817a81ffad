package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.ReplyLabeled;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Labels a reply with the CLI (strict JSON asked, parsed defensively); the keyword rules when that fails. */
public final class ReplyLabelService {
    private final ClaudeCliClient cli;
    private final PromptBuilder prompts;
    private final LabelParser parser;
    private final RuleBasedLabeler rules;
    private final GeneratorMetrics metrics;
    private final boolean useCli;
    private final Duration timeout;
    private final int maxReplyChars;
    private final Clock clock;

    public ReplyLabelService(ClaudeCliClient cli, PromptBuilder prompts, LabelParser parser, RuleBasedLabeler rules,
                             GeneratorMetrics metrics, boolean useCli, Duration timeout, int maxReplyChars,
                             Clock clock) {
        this.cli = cli;
        this.prompts = prompts;
        this.parser = parser;
        this.rules = rules;
        this.metrics = metrics;
        this.useCli = useCli;
        this.timeout = timeout;
        this.maxReplyChars = maxReplyChars;
        this.clock = clock;
    }

    /** A label and who gave it ({@link ReplyLabeled#BY_CLAUDE} or {@link ReplyLabeled#BY_RULES}). */
    public record Labeled(String sentiment, String intent, String labeledBy) {
    }

    /** The Kafka path: the reply's label as the event outreach-api reads. */
    public CompletableFuture<ReplyLabeled> label(ReplyDetected reply) {
        return label(reply.text()).thenApply(l -> ReplyLabeled.of(reply, l.sentiment(), l.intent(), l.labeledBy(),
                clock.instant()));
    }

    /** One reply text: the CLI when it is on and answers the closed sets, otherwise the rules. */
    public CompletableFuture<Labeled> label(String text) {
        if (!useCli) {
            return CompletableFuture.completedFuture(byRules(text));
        }
        String prompt = prompts.replyLabel(text, maxReplyChars);
        return cli.run(prompt, clock.instant().plus(timeout)).thenApply(outcome -> {
            if (outcome instanceof CliOutcome.Success s) {
                var label = parser.parse(s.stdout());
                if (label.isPresent()) {
                    metrics.labeled(ReplyLabeled.BY_CLAUDE);
                    return new Labeled(label.get().sentiment(), label.get().intent(), ReplyLabeled.BY_CLAUDE);
                }
            }
            return byRules(text);
        }).exceptionally(e -> byRules(text));
    }

    private Labeled byRules(String text) {
        ReplyLabel label = rules.label(text);
        metrics.labeled(ReplyLabeled.BY_RULES);
        return new Labeled(label.sentiment(), label.intent(), ReplyLabeled.BY_RULES);
    }
}
