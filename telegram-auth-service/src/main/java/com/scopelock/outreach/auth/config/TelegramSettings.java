package com.scopelock.outreach.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Real TDLib or the simulated Telegram. {@code telegram.mode=simulated} alone is not enough: telegram-client's
 * guard also needs a non-prod profile and the environment variable {@code TELEGRAM_SIMULATED_I_UNDERSTAND=true}.
 */
@ConfigMapping(prefix = "telegram")
public interface TelegramSettings {
    /** {@code real} (default) or {@code simulated}. */
    @WithDefault("real")
    String mode();

    /** libtdjson.so (default: telegram-client's locator: tdlib.path, TDLIB_PATH, $OUTREACH_STACK_HOME/tdlib). */
    Optional<Path> tdlibPath();

    @WithName("simulated.world-dir")
    Optional<Path> simulatedWorldDir();

    /** Telegram application id (my.telegram.org); required by TDLib. */
    @WithDefault("0")
    int apiId();

    /** Telegram application hash; a secret. */
    Optional<String> apiHash();

    /** Telegram's test data centres. */
    @WithDefault("false")
    boolean useTestDc();

    @WithDefault("30s")
    Duration requestTimeout();
}
