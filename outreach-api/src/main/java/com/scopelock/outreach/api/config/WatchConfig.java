package com.scopelock.outreach.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code outreach.watch.*}: when watches of unsent drafts are withdrawn. */
@ConfigMapping(prefix = "outreach.watch")
public interface WatchConfig {
    /** A member's drafts for a lead, none sent and none touched for this long: the watch is withdrawn. */
    @WithDefault("14d")
    Duration draftExpiry();

    /** How often the abandoned drafts are looked for (quarkus-scheduler). */
    @WithDefault("1h")
    String expiryCheckEvery();

    /** Conversations withdrawn per run at most (the next run takes the rest). */
    @WithDefault("500")
    int expiryBatch();
}
