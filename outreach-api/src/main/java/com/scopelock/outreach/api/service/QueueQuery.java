package com.scopelock.outreach.api.service;

/**
 * A validated queue request: {@code profileType} null means any; {@code owner} is the member asking; unless
 * {@code showClaimed}, leads claimed by other members (claim still valid) are hidden.
 */
public record QueueQuery(String profileType, int minScore, int limit, long offset, String owner, boolean showClaimed) {

    /** Whose view the counts take: null = every pending lead. */
    public String viewer() {
        return showClaimed ? null : owner;
    }
}
