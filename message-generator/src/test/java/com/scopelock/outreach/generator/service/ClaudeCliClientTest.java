package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.FakeCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real subprocesses (the fake CLI scripts), no mocks. */
class ClaudeCliClientTest {
    private final List<ClaudeCliClient> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(ClaudeCliClient::close);
    }

    private ClaudeCliClient client(Duration timeout, int slots, int queue, String... command) {
        ClaudeCliClient client = new ClaudeCliClient(new CliSettings(List.of(command), timeout, slots, queue, 65536, 4096));
        clients.add(client);
        return client;
    }

    private static CliOutcome await(CompletableFuture<CliOutcome> f) throws Exception {
        return f.get(40, TimeUnit.SECONDS);
    }

    @Test
    void fastGoodCliAnswersFromStdin() throws Exception {
        var cli = client(Duration.ofSeconds(10), 4, 16, FakeCli.path("good.sh"), "--tools=", "--strict-mcp-config");
        var outcome = assertInstanceOf(CliOutcome.Success.class,
                await(cli.run("name: \"Liam\"\nhook_text: \"x\"\n")));
        assertTrue(outcome.stdout().startsWith("Hey Liam, saw your raid updates"), outcome.stdout());
        System.out.printf("[measure] fast fake CLI run: %d ms%n", outcome.durationMs());
    }

    @Test
    void timeoutKillsTheWholeProcessTree(@TempDir Path tmp) throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        var cli = client(Duration.ofSeconds(2), 4, 16, FakeCli.path("slow.sh"), pidFile.toString());
        long start = System.nanoTime();
        var outcome = assertInstanceOf(CliOutcome.TimedOut.class, await(cli.run("prompt")));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Duration.ofSeconds(2), outcome.limit());
        assertTrue(tookMs < 3500, "answered soon after the limit: " + tookMs + " ms");
        long childPid = Long.parseLong(Files.readString(pidFile).strip());
        // the child `sleep 30` was killed with its parent
        long deadline = System.currentTimeMillis() + 2000;
        while (ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(ProcessHandle.of(childPid).map(ProcessHandle::isAlive).orElse(false), "child sleep still alive");
        System.out.printf("[measure] 2 s timeout answered after %d ms, tree killed%n", tookMs);
    }

    @Test
    void failingCliIsAFailureWithBoundedStderr() throws Exception {
        var cli = new ClaudeCliClient(new CliSettings(List.of(FakeCli.path("fail.sh")), Duration.ofSeconds(5), 1, 1,
                1000, 64));
        clients.add(cli);
        var outcome = assertInstanceOf(CliOutcome.Failed.class, await(cli.run("secret lead data ".repeat(100))));
        assertEquals("Claude CLI failed with exit code 1", outcome.reason());
        assertTrue(outcome.stderrTail().length() <= 64, "stderr bounded");
    }

    @Test
    void missingExecutableIsAFailure() throws Exception {
        var cli = client(Duration.ofSeconds(5), 1, 1, "/nonexistent/claude", "-p");
        var outcome = assertInstanceOf(CliOutcome.Failed.class, await(cli.run("x")));
        assertTrue(outcome.reason().startsWith("Claude CLI could not start"), outcome.reason());
    }

    @Test
    void cliThatIgnoresStdinDoesNotBlockEvenWithAHugePrompt() throws Exception {
        var cli = client(Duration.ofSeconds(5), 1, 1, FakeCli.path("ignore-stdin.sh"));
        var outcome = assertInstanceOf(CliOutcome.Success.class, await(cli.run("x".repeat(1_000_000))));
        assertTrue(outcome.stdout().startsWith("Hey there"));
        assertTrue(outcome.durationMs() < 3000, outcome.durationMs() + " ms");
    }

    @Test
    void runsInAnEmptyPrivateWorkingDirectoryThatIsDeletedAfterwards(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("pwd.sh");
        Files.writeString(script, "#!/usr/bin/env bash\ncat >/dev/null\npwd\nls -A | wc -l\n");
        assertTrue(script.toFile().setExecutable(true));
        var cli = client(Duration.ofSeconds(5), 1, 1, script.toString());
        var outcome = assertInstanceOf(CliOutcome.Success.class, await(cli.run("x")));
        String[] lines = outcome.stdout().strip().split("\n");
        Path workDir = Path.of(lines[0]);
        assertEquals("work", workDir.getFileName().toString(), lines[0]);
        assertTrue(workDir.getParent().getFileName().toString().startsWith("claude-run-"), lines[0]);
        assertEquals("0", lines[1].strip(), "empty working directory");
        assertFalse(Files.exists(workDir.getParent()), "the run directory is deleted after the run");
    }

    @Test
    void theCliGetsOnlyItsOwnEnvironment(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("env.sh");
        Files.writeString(script, "#!/usr/bin/env bash\ncat >/dev/null\nenv\n");
        assertTrue(script.toFile().setExecutable(true));
        Map<String, String> service = Map.of("PATH", System.getenv("PATH"), "HOME", tmp.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "ANTHROPIC_API_KEY", "sk-service-env", "JAVA_TOOL_OPTIONS", "-X");
        CliEnvironment env = CliEnvironment.of(service, List.of(CliEnvironment.DEFAULT_PASSTHROUGH.split(",")),
                CliCredentials.of(Optional.of("oat-configured"), Optional.empty()), true);
        var cli = new ClaudeCliClient(new CliSettings(List.of(script.toString()), Duration.ofSeconds(5), 1, 1, 65536,
                4096, env, null, null));
        clients.add(cli);
        var outcome = assertInstanceOf(CliOutcome.Success.class, await(cli.run("x")));
        Map<String, String> seen = new TreeMap<>();
        for (String line : outcome.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                seen.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        seen.remove("PWD"); // set by bash
        seen.remove("SHLVL");
        seen.remove("_");
        assertEquals(Set.of("PATH", "HOME", "NO_COLOR", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC",
                "CLAUDE_CODE_OAUTH_TOKEN", "CLAUDE_CONFIG_DIR"), seen.keySet());
        assertEquals("oat-configured", seen.get("CLAUDE_CODE_OAUTH_TOKEN"));
        assertTrue(seen.get("CLAUDE_CONFIG_DIR").endsWith("/config"), seen.get("CLAUDE_CONFIG_DIR"));
    }

    @Test
    void beyondSlotsAndQueueRequestsFailFast(@TempDir Path tmp) throws Exception {
        var cli = client(Duration.ofSeconds(3), 2, 2, FakeCli.path("slow.sh"), tmp.resolve("p").toString());
        List<CompletableFuture<CliOutcome>> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(cli.run("x"));
        }
        Thread.sleep(300);
        assertEquals(2, cli.activeRuns());
        assertEquals(2, cli.queueDepth());
        var busy = runs.subList(4, 6);
        for (var f : busy) {
            assertTrue(f.isDone(), "fails fast");
            var outcome = assertInstanceOf(CliOutcome.Busy.class, f.get());
            assertEquals("all 2 Claude CLI slots busy and 2 requests already waiting", outcome.reason());
        }
        for (var f : runs.subList(0, 4)) {
            assertInstanceOf(CliOutcome.TimedOut.class, await(f));
        }
    }

    @Test
    void aRequestWhoseDeadlinePassesInTheQueueIsNotStarted(@TempDir Path tmp) throws Exception {
        var cli = client(Duration.ofSeconds(10), 1, 4, FakeCli.path("slow.sh"), tmp.resolve("p").toString());
        Instant deadline = Instant.now().plusMillis(1500);
        var first = cli.run("x", deadline);
        var second = cli.run("x", deadline);
        assertInstanceOf(CliOutcome.TimedOut.class, await(first));
        var outcome = assertInstanceOf(CliOutcome.Busy.class, await(second));
        assertTrue(outcome.reason().contains("for a free Claude CLI slot"), outcome.reason());
    }
}
