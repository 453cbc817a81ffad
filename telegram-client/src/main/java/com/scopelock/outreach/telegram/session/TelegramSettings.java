package com.scopelock.outreach.telegram.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code telegram.*} of telegram-auth-service and reply-monitor: real TDLib or the simulated Telegram, the Telegram
 * application, and the session sealing keyset. {@code telegram.mode=simulated} alone is not enough: the guard also
 * needs a non-prod profile and {@code TELEGRAM_SIMULATED_I_UNDERSTAND=true} in the process environment.
 */
@ConfigMapping(prefix = "telegram")
public interface TelegramSettings {
    /** {@code real} (default) or {@code simulated}. */
    @WithDefault("real")
    String mode();

    /** libtdjson.so (default: {@code TdLibraryLocator}: tdlib.path, TDLIB_PATH, $OUTREACH_STACK_HOME/tdlib). */
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

    Sealing sealing();

    /**
     * The Tink AEAD keyset that seals and opens sessions: {@code telegram.sealing.keyset} (env
     * {@code TELEGRAM_SEALING_KEYSET}: Tink JSON or its base64) or {@code telegram.sealing.keyset-file} (env
     * {@code TELEGRAM_SEALING_KEYSET_FILE}, e.g. a mounted Kubernetes Secret). One of them is required; both
     * services hold the same keyset (after a rotation with the old keys too).
     */
    interface Sealing {
        Optional<String> keyset();

        Optional<Path> keysetFile();
    }
}
