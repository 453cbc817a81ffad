package com.scopelock.outreach.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** QR login limits and where their state lives. */
@ConfigMapping(prefix = "telegram-auth")
public interface AuthConfig {
    /** How long a QR login may take (also the Redis TTL of its live state and {@code expires_in}). */
    @WithDefault("120s")
    Duration loginTtl();

    /** How long the final state (authorized, expired, cancelled, failed) stays readable by qr-check. */
    @WithDefault("10m")
    Duration finalStateTtl();

    /**
     * Live QR logins of the whole service (all replicas, counted in Redis) at most; beyond it qr-start answers 429
     * with Retry-After.
     */
    @WithDefault("20")
    int maxLiveClients();

    /** Live QR logins of one member at most (a new qr-start replaces the previous one, so 2 is plenty). */
    @WithDefault("2")
    int maxLivePerMember();

    /** qr-starts one member may make in any minute. */
    @WithDefault("10")
    int maxStartsPerMinute();

    /** Wrong 2FA passwords allowed before the login ends. */
    @WithDefault("5")
    int maxPasswordAttempts();

    /** How long qr-start waits for TDLib's first QR link. */
    @WithDefault("15s")
    Duration firstLinkTimeout();

    /** How long a checkAuthenticationPassword may take. */
    @WithDefault("15s")
    Duration passwordTimeout();

    /** How long qr-password waits for the grant to be published after a right password. */
    @WithDefault("15s")
    Duration handOverTimeout();

    /** Redis key prefix of the login state. */
    @WithDefault("telegram-auth:")
    String redisKeyPrefix();

    /** How often this replica looks in Redis for logins cancelled by another replica. */
    @WithDefault("1s")
    Duration sweepInterval();

    /** Parent of the per-login TDLib database directories (default: java.io.tmpdir). */
    Optional<Path> workDir();
}
