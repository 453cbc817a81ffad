package com.scopelock.outreach.generator.service;

import java.time.Instant;

/**
 * The last answer about the Claude CLI. {@code authMethod} is the CLI's own word ({@code oauth_token},
 * {@code api_key}, {@code claude.ai}, …) or null; {@code detail} is a short sentence for people (no secrets: it
 * is built from the state and, for errors, the exit code or the kind of failure, never from CLI output).
 */
public record CliStatus(CliState state, String authMethod, String detail, Instant checkedAt, long durationMs) {

    public static CliStatus unknown() {
        return new CliStatus(CliState.UNKNOWN, null, CliState.UNKNOWN.sentence(), null, 0);
    }

    /** Messages come from the template only; a credential rejected by Claude's service shows on the first run. */
    public boolean templatesOnly() {
        return state != CliState.READY;
    }

    /** E.g. "Claude is ready" or "templates only: Claude is not logged in". */
    public String summary() {
        return templatesOnly() ? "templates only: " + detail : detail;
    }
}
