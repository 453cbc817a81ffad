package com.scopelock.outreach.replymonitor.config;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The Tink keyset that opens sealed sessions: {@code telegram.sealing.keyset} (env {@code TELEGRAM_SEALING_KEYSET},
 * Tink JSON or its base64) or {@code telegram.sealing.keyset-file} (env {@code TELEGRAM_SEALING_KEYSET_FILE}). The
 * same keyset as telegram-auth-service; after a rotation it holds the old keys too.
 */
@ConfigMapping(prefix = "telegram.sealing")
public interface SealingConfig {
    Optional<String> keyset();

    Optional<Path> keysetFile();
}
