package com.scopelock.outreach.replymonitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Real TDLib or the simulated Telegram (same keys as telegram-auth-service). {@code telegram.mode=simulated} alone is
 * not enough: telegram-client's guard also needs a non-prod profile and {@code TELEGRAM_SIMULATED_I_UNDERSTAND=true}
 * in the environment.
 */
@ConfigMapping(prefix = "telegram")
public interface TelegramSettings {
    @WithDefault("real")
    String mode();

    Optional<Path> tdlibPath();

    @WithName("simulated.world-dir")
    Optional<Path> simulatedWorldDir();

    @WithDefault("0")
    int apiId();

    /** A secret. */
    Optional<String> apiHash();

    @WithDefault("false")
    boolean useTestDc();

    @WithDefault("30s")
    Duration requestTimeout();
}
