package com.scopelock.outreach.generator.service;

import java.util.Locale;

/** What the Claude CLI can do right now, from {@code claude auth status}. */
public enum CliState {
    /** Not asked yet (the first check runs right after start). */
    UNKNOWN("the Claude CLI has not been checked yet"),
    /** Installed and holding credentials: messages are written by Claude. */
    READY("Claude is ready"),
    NOT_INSTALLED("the Claude CLI is not installed"),
    NOT_LOGGED_IN("Claude is not logged in"),
    /** Installed, but {@code auth status} failed, timed out or answered something unexpected. */
    ERROR("the Claude CLI does not answer as expected");

    private final String sentence;

    CliState(String sentence) {
        this.sentence = sentence;
    }

    /** The metric/JSON value, e.g. {@code not_logged_in}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String sentence() {
        return sentence;
    }
}
