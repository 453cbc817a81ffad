package com.scopelock.outreach.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code outreach.follow-up.*}: when a sent lead that has not answered is due a follow-up. */
@ConfigMapping(prefix = "outreach.follow-up")
public interface FollowUpConfig {
    /** After sending, a follow-up is due this much later (unless the lead replies first). */
    @WithDefault("3d")
    Duration defaultAfter();

    /** The furthest a follow-up can be set or snoozed ahead. */
    @WithDefault("90d")
    Duration maxAhead();
}
