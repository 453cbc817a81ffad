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

    public CompletableFuture<ReplyLabeled> label(ReplyDetected reply) {
        if (!useCli) {
            return CompletableFuture.completedFuture(byRules(reply));
        }
        String prompt = prompts.replyLabel(reply.text(), maxReplyChars);
        return cli.run(prompt, clock.instant().plus(timeout)).thenApply(outcome -> {
            if (outcome instanceof CliOutcome.Success s) {
                var label = parser.parse(s.stdout());
                if (label.isPresent()) {
                    metrics.labeled(ReplyLabeled.BY_CLAUDE);
                    return ReplyLabeled.of(reply, label.get().sentiment(), label.get().intent(),
                            ReplyLabeled.BY_CLAUDE, clock.instant());
                }
            }
            return byRules(reply);
        }).exceptionally(e -> byRules(reply));
    }

    private ReplyLabeled byRules(ReplyDetected reply) {
        ReplyLabel label = rules.label(reply.text());
        metrics.labeled(ReplyLabeled.BY_RULES);
        return ReplyLabeled.of(reply, label.sentiment(), label.intent(), ReplyLabeled.BY_RULES, clock.instant());
    }
}
