package com.scopelock.outreach.generator.service;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks the Claude CLI whether it can answer ({@code claude auth status}: offline, ~0.4–2 s) and keeps the last
 * answer. {@link #refresh()} runs the subprocess (argument list, the same environment as a generation run, a
 * time limit that kills it); it is called by the scheduler, never on a request or Kafka thread — those read
 * {@link #current()}.
 */
public class ClaudeCliStatusProbe {
    private static final Logger LOG = Logger.getLogger(ClaudeCliStatusProbe.class);
    private static final int MAX_OUTPUT = 16_384;

    private final CliSettings settings;
    private final Clock clock;
    private volatile CliStatus current = CliStatus.unknown();

    public ClaudeCliStatusProbe(CliSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public CliStatus current() {
        return current;
    }

    /** Runs {@code auth status} now and keeps (and returns) the answer; logs only when the state changes. */
    public CliStatus refresh() {
        CliStatus previous = current;
        CliStatus next = check();
        current = next;
        if (previous.state() != next.state()) {
            LOG.infof("Claude CLI state: %s (%s)", next.state().tag(), next.detail());
        }
        return next;
    }

    private CliStatus check() {
        Instant checkedAt = clock.instant();
        long started = System.nanoTime();
        java.nio.file.Path runDir = null;
        try {
            runDir = ClaudeCliClient.createRunDir();
            Process process;
            try {
                process = ClaudeCliClient.processBuilder(settings.statusCommand(), settings.environment(), runDir)
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                return new CliStatus(CliState.NOT_INSTALLED, null, CliState.NOT_INSTALLED.sentence()
                        + " (" + settings.statusCommand().getFirst() + " cannot be started)", checkedAt, ms(started));
            }
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()),
                    runnable -> Thread.ofVirtual().name("claude-cli-status").start(runnable));
            if (!process.waitFor(settings.statusTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                ClaudeCliClient.killTree(process);
                return new CliStatus(CliState.ERROR, null, CliState.ERROR.sentence() + " (`auth status` took longer than "
                        + ClaudeCliClient.seconds(settings.statusTimeout().toMillis()) + ")", checkedAt, ms(started));
            }
            String stdout = output.get(1, TimeUnit.SECONDS);
            return AuthStatusParser.parse(process.exitValue(), stdout, checkedAt, ms(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CliStatus(CliState.ERROR, null, CliState.ERROR.sentence() + " (check interrupted)", checkedAt,
                    ms(started));
        } catch (Exception e) {
            return new CliStatus(CliState.ERROR, null, CliState.ERROR.sentence() + " ("
                    + e.getClass().getSimpleName() + ")", checkedAt, ms(started));
        } finally {
            ClaudeCliClient.deleteQuietly(runDir);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT);
            in.transferTo(java.io.OutputStream.nullOutputStream()); // drop the rest: the pipe never fills
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static long ms(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
