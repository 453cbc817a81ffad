package com.scopelock.outreach.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "outreach.queue")
public interface QueueConfig {
    @WithDefault("20")
    int defaultLimit();

    @WithDefault("100")
    int maxLimit();

    /**
     * How long a replica reuses the per-score counts of pending leads before asking the graph again. Writes of
     * this replica invalidate them at once; writes of other replicas show after at most this long.
     */
    @WithDefault("2s")
    Duration countCacheTtl();
}
