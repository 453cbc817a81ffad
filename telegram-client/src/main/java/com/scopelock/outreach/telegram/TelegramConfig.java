package com.scopelock.outreach.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How to reach Telegram. {@code mode} is {@code real} (libtdjson.so) unless set to {@code simulated}; the
 * simulator additionally needs a non-prod {@code profile} and {@code simulatedIUnderstand}, which
 * {@link #fromEnvironment} reads from the environment variable {@code TELEGRAM_SIMULATED_I_UNDERSTAND} only —
 * never from a config file — so production configuration cannot switch it on.
 */
public record TelegramConfig(Mode mode, Optional<Path> tdlibPath, Optional<Path> simulatedWorldDir, String profile,
                             boolean simulatedIUnderstand, Duration requestTimeout, Duration simulatedPollInterval) {

    public enum Mode {
        REAL, SIMULATED;

        public static Mode parse(String value) {
            return switch (value == null ? "" : value.trim().toLowerCase(Locale.ROOT)) {
                case "", "real", "tdlib" -> REAL;
                case "simulated" -> SIMULATED;
                default -> throw new IllegalArgumentException("telegram.mode must be real or simulated, was "
                        + value);
            };
        }
    }

    public TelegramConfig {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        simulatedPollInterval = simulatedPollInterval == null ? Duration.ofMillis(100) : simulatedPollInterval;
    }

    public static TelegramConfig real(Optional<Path> tdlibPath) {
        return new TelegramConfig(Mode.REAL, tdlibPath, Optional.empty(), "prod", false, null, null);
    }

    /**
     * From system properties {@code telegram.mode}, {@code tdlib.path}, {@code telegram.simulated.world-dir}
     * (or env {@code TELEGRAM_MODE}, {@code TDLIB_PATH}, {@code TELEGRAM_SIMULATED_WORLD_DIR}) and env
     * {@code TELEGRAM_SIMULATED_I_UNDERSTAND}.
     */
    public static TelegramConfig fromEnvironment(String profile, Properties properties, Map<String, String> env) {
        String mode = properties.getProperty("telegram.mode", env.getOrDefault("TELEGRAM_MODE", "real"));
        String tdlib = properties.getProperty("tdlib.path", env.get("TDLIB_PATH"));
        String world = properties.getProperty("telegram.simulated.world-dir",
                env.get("TELEGRAM_SIMULATED_WORLD_DIR"));
        boolean iUnderstand = "true".equalsIgnoreCase(env.get("TELEGRAM_SIMULATED_I_UNDERSTAND"));
        return new TelegramConfig(Mode.parse(mode), Optional.ofNullable(tdlib).map(Path::of),
                Optional.ofNullable(world).map(Path::of), profile, iUnderstand, null, null);
    }
}
