package com.scopelock.outreach.generator.service;

import java.time.Duration;

/** How one Claude CLI run ended. None of these carries lead data in a form that is ever logged. */
public sealed interface CliOutcome {

    long durationMs();

    /** Exit code 0; {@code stdout} is the raw answer (bounded). */
    record Success(String stdout, long durationMs) implements CliOutcome {
    }

    /** The run passed its time limit; the process tree was killed. */
    record TimedOut(Duration limit, long durationMs) implements CliOutcome {
    }

    /**
     * Non-zero exit or the executable could not start. {@code stderrTail} and {@code stdoutTail} (bounded) are
     * kept for tests, never logged: they may echo the prompt.
     */
    record Failed(String reason, String stderrTail, long durationMs, String stdoutTail) implements CliOutcome {
        public Failed(String reason, String stderrTail, long durationMs) {
            this(reason, stderrTail, durationMs, "");
        }
    }

    /** No slot and no room in the queue, or the request's deadline passed while it waited. */
    record Busy(String reason, long durationMs) implements CliOutcome {
    }
}
