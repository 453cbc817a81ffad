package com.scopelock.outreach.generator.service;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the Claude CLI as a subprocess: an argument list (never a shell), the prompt on stdin, only the
 * environment of {@link CliEnvironment}, an empty private temporary working directory deleted afterwards, a time
 * limit that kills the whole process tree, at most {@code maxConcurrent} runs at once and a bounded queue beyond which a run fails fast.
 *
 * <p>Stdout and stderr are read concurrently into bounded buffers (the rest is drained and dropped) so a
 * chatty process can never block. Stderr may echo the prompt, so it is never logged.
 */
public class ClaudeCliClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ClaudeCliClient.class);
    private static final Duration MIN_RUN = Duration.ofMillis(300);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(1);

    private final CliSettings settings;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger active = new AtomicInteger();

    public ClaudeCliClient(CliSettings settings) {
        this.settings = settings;
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.maxConcurrent(), settings.maxConcurrent(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.queueCapacity())),
                r -> {
                    Thread t = new Thread(r, "claude-cli-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    public CliSettings settings() {
        return settings;
    }

    /** Runs waiting for a slot. */
    public int queueDepth() {
        return executor.getQueue().size();
    }

    public int activeRuns() {
        return active.get();
    }

    /** Runs with the configured time limit, counted from the start of the process. */
    public CompletableFuture<CliOutcome> run(String prompt) {
        return run(prompt, null);
    }

    /**
     * Runs the CLI; the run's limit is the configured timeout, shortened to {@code deadline} (which also bounds
     * the time spent waiting for a slot); null means no deadline. Never completes exceptionally.
     */
    public CompletableFuture<CliOutcome> run(String prompt, Instant deadline) {
        long submitted = System.nanoTime();
        if (settings.queueCapacity() == 0 && active.get() >= settings.maxConcurrent()) {
            return CompletableFuture.completedFuture(busy(submitted));
        }
        CompletableFuture<CliOutcome> result = new CompletableFuture<>();
        try {
            executor.execute(() -> result.complete(runNow(prompt, deadline, submitted)));
        } catch (RejectedExecutionException e) {
            result.complete(busy(submitted));
        }
        return result;
    }

    private CliOutcome busy(long submitted) {
        return new CliOutcome.Busy("all " + settings.maxConcurrent() + " Claude CLI slots busy and "
                + settings.queueCapacity() + " requests already waiting", elapsedMs(submitted));
    }

    private CliOutcome runNow(String prompt, Instant deadline, long submitted) {
        Duration left = deadline == null ? settings.timeout() : Duration.between(Instant.now(), deadline);
        Duration limit = left.compareTo(settings.timeout()) < 0 ? left : settings.timeout();
        if (limit.compareTo(MIN_RUN) < 0) {
            return new CliOutcome.Busy("waited " + seconds(elapsedMs(submitted))
                    + " for a free Claude CLI slot", elapsedMs(submitted));
        }
        active.incrementAndGet();
        Path runDir = null;
        try {
            runDir = createRunDir();
            return execute(prompt, limit, runDir, submitted);
        } catch (IOException e) {
            return new CliOutcome.Failed("Claude CLI could not start (" + e.getClass().getSimpleName() + ")",
                    "", elapsedMs(submitted));
        } finally {
            active.decrementAndGet();
            deleteQuietly(runDir);
        }
    }

    /**
     * A private (700) temporary directory with {@code work/} (the CLI's empty working directory) and
     * {@code config/} (its CLAUDE_CONFIG_DIR when the config dir is private); deleted after the run.
     */
    static Path createRunDir() throws IOException {
        Path runDir = Files.createTempDirectory("claude-run-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createDirectory(runDir.resolve("work"));
        Files.createDirectory(runDir.resolve("config"));
        return runDir;
    }

    /**
     * A process builder for {@code command} in {@code runDir/work} with exactly the CLI environment. A bare
     * executable name is looked up in that environment's PATH (Java would search the service's own PATH).
     */
    static ProcessBuilder processBuilder(List<String> command, CliEnvironment environment, Path runDir) {
        Map<String, String> env = environment.forRun(runDir.resolve("config"));
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, onPath(command.getFirst(), env.get("PATH")));
        ProcessBuilder builder = new ProcessBuilder(resolved).directory(runDir.resolve("work").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder;
    }

    /** The first executable {@code name} in {@code path}; the name itself when it has a slash or is not found. */
    static String onPath(String name, String path) {
        if (name.contains("/") || path == null) {
            return name;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return name;
    }

    private CliOutcome execute(String prompt, Duration limit, Path runDir, long submitted) throws IOException {
        ProcessBuilder builder = processBuilder(settings.command(), settings.environment(), runDir);
        long started = System.nanoTime();
        Process process = builder.start();
        BoundedReader stdout = BoundedReader.start(process.getInputStream(), settings.maxStdoutChars());
        BoundedReader stderr = BoundedReader.start(process.getErrorStream(), settings.maxStderrChars());
        writeStdin(process, prompt);
        boolean finished;
        try {
            finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            killTree(process);
            stdout.await(DRAIN_WAIT);
            stderr.await(DRAIN_WAIT);
            return new CliOutcome.TimedOut(limit, elapsedMs(started));
        }
        stdout.await(DRAIN_WAIT);
        stderr.await(DRAIN_WAIT);
        int code = process.exitValue();
        if (code != 0) {
            LOG.debugf("Claude CLI exited with code %d after %d ms (stderr: %d chars, not logged)",
                    code, elapsedMs(started), stderr.text().length());
            return new CliOutcome.Failed("Claude CLI failed with exit code " + code, stderr.text(),
                    elapsedMs(started), stdout.text());
        }
        return new CliOutcome.Success(stdout.text(), elapsedMs(started));
    }

    /** Writes the prompt on its own thread: a CLI that never reads stdin must not block us. */
    private static void writeStdin(Process process, String prompt) {
        Thread.ofVirtual().name("claude-cli-stdin").start(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(prompt.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the CLI closed stdin (exited or ignores it): nothing to do
            }
        });
    }

    /** Snapshot the descendants first (once the root dies they are re-parented), then kill root and all. */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warnf("could not delete the CLI working directory %s: %s", dir, e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Reads a stream to its end on a virtual thread, keeping at most {@code max} characters. */
    private static final class BoundedReader {
        private final StringBuilder text = new StringBuilder();
        private final Thread thread;

        private BoundedReader(InputStream in, int max) {
            this.thread = Thread.ofVirtual().name("claude-cli-reader").start(() -> {
                char[] buffer = new char[4096];
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    int n;
                    while ((n = reader.read(buffer)) >= 0) {
                        synchronized (text) {
                            int room = max - text.length();
                            if (room > 0) {
                                text.append(buffer, 0, Math.min(room, n));
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // stream closed after a kill
                }
            });
        }

        static BoundedReader start(InputStream in, int max) {
            return new BoundedReader(in, max);
        }

        void await(Duration wait) {
            try {
                thread.join(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}
