package com.scopelock.outreach.auth.config;

import io.smallrye.config.ConfigMapping;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The Tink AEAD keyset that seals sessions: {@code telegram.sealing.keyset} (env
 * {@code TELEGRAM_SEALING_KEYSET}: Tink JSON or its base64) or {@code telegram.sealing.keyset-file} (env
 * {@code TELEGRAM_SEALING_KEYSET_FILE}, e.g. a mounted Kubernetes Secret). One of them is required.
 */
@ConfigMapping(prefix = "telegram.sealing")
public interface SealingConfig {
    Optional<String> keyset();

    Optional<Path> keysetFile();
}
