package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.FakeCli;
import com.scopelock.outreach.model.ReplyLabeled;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scores the CLI path of {@link ReplyLabelService} (prompt, subprocess, {@link LabelParser}) on the evaluation
 * set. Without settings it runs the <b>fake</b> Claude CLI {@code fake-cli/good.sh} (it answers
 * positive/interested to every label request), so the figures only prove the harness. With a real, logged-in
 * CLI (see message-generator/README.md, "Scoring the labels"):
 * <pre>
 * ./mvnw -B -pl message-generator -am verify -Dit.test=ClaudeLabelEvaluationIT -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dlabel.eval.cli=claude,-p,--no-session-persistence,--tools=,--strict-mcp-config,--max-turns,1,--output-format,text
 * </pre>
 * The table is printed and written to {@code target/label-eval-cli.md}. Labels the CLI did not give (it failed,
 * timed out or answered outside the closed sets) fall back to the rules and are counted separately.
 */
class ClaudeLabelEvaluationIT {

    @Test
    void scoresTheCliPathOnTheEvaluationSet() throws Exception {
        String cliProperty = System.getProperty("label.eval.cli", "");
        boolean fake = cliProperty.isBlank();
        List<String> command = fake ? List.of(FakeCli.path("good.sh")) : Arrays.asList(cliProperty.split(","));
        Duration timeout = Duration.ofSeconds(Long.getLong("label.eval.timeout-seconds", 30));
        int slots = Integer.getInteger("label.eval.concurrency", fake ? 4 : 2);
        List<LabelEvaluation.Sample> set = LabelEvaluation.load(System.getProperty("label.eval.set", LabelEvaluation.SET));

        ClaudeCliClient cli = new ClaudeCliClient(new CliSettings(command, timeout, slots, set.size(), 65536, 4096));
        try {
            ReplyLabelService service = new ReplyLabelService(cli, new PromptBuilder(new PromptSettings("Maya",
                    "ScopeLock – an AI-human agency", "Interested in hearing more?", 500), new DataFence()),
                    new LabelParser(), new RuleBasedLabeler(), new GeneratorMetrics(new SimpleMeterRegistry(), cli),
                    true, timeout.multipliedBy(set.size()), 2000, Clock.systemUTC());
            Map<String, ReplyLabelService.Labeled> answers = new ConcurrentHashMap<>();
            List<CompletableFuture<?>> running = new ArrayList<>();
            for (LabelEvaluation.Sample s : set) {
                running.add(service.label(s.text()).thenAccept(l -> answers.put(s.text(), l)));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                    .get(timeout.toSeconds() * set.size() + 60, TimeUnit.SECONDS);

            long byCli = answers.values().stream().filter(l -> ReplyLabeled.BY_CLAUDE.equals(l.labeledBy())).count();
            LabelEvaluation.Result result = LabelEvaluation.score(
                    (fake ? "FAKE Claude CLI (fake-cli/good.sh, always positive/interested)" : "Claude CLI " + command.getFirst())
                            + ", " + byCli + "/" + set.size() + " labels from the CLI, the rest by the rules",
                    set, text -> {
                        ReplyLabelService.Labeled l = answers.get(text);
                        return new ReplyLabel(l.sentiment(), l.intent());
                    });
            String report = result.table() + "\nmisses:\n" + result.missList();
            System.out.println(report);
            Files.writeString(Path.of("target", "label-eval-cli.md"), report);

            assertEquals(set.size(), answers.size());
            if (fake) { // the fake answers every request the same way: the harness must have used it every time
                assertEquals(set.size(), byCli);
                assertEquals(set.stream().filter(s -> s.intent().equals("interested")).count(), result.correctIntent());
            }
        } finally {
            cli.close();
        }
    }
}
