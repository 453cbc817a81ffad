package com.scopelock.outreach.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "outreach.graph")
public interface GraphConfig {
    /** The FalkorDB graph (key) holding the outreach nodes. */
    @WithDefault("scopelock")
    String name();

    @WithDefault("10s")
    Duration queryTimeout();

    /** Leads written per UNWIND query when consuming lead upserts. */
    @WithDefault("500")
    int upsertChunkSize();

    /** How often FalkorDB's persistence state (INFO persistence) is read for the falkordb_* gauges. */
    @WithDefault("15s")
    Duration persistencePoll();

    /** While FalkorDB is away, how often it is asked whether it is back (the paused consumers resume then). */
    @WithDefault("2s")
    Duration availabilityCheck();

    /** How long that question may take before FalkorDB counts as away. */
    @WithDefault("2s")
    Duration availabilityTimeout();

    /** A consumer's write that failed while FalkorDB answers (not an outage) is retried after this. */
    @WithDefault("2s")
    Duration retryDelay();
}
