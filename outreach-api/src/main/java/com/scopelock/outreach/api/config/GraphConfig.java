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
}
