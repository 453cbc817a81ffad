package com.scopelock.outreach.api.service;

import java.util.List;

/**
 * A validated queue request: {@code profileTypes} empty means any (several: a lead of any of them, e.g.
 * supervisor and both); {@code owner} is the member asking; unless {@code showClaimed}, leads claimed by other
 * members (claim still valid) are hidden.
 */
public record QueueQuery(List<String> profileTypes, int minScore, int limit, long offset, String owner,
                         boolean showClaimed) {

    public QueueQuery {
        profileTypes = profileTypes == null ? List.of() : List.copyOf(profileTypes);
    }

    /** Whose view the counts take: null = every pending lead. */
    public String viewer() {
        return showClaimed ? null : owner;
    }
}
