package com.scopelock.outreach.auth.service;

import com.scopelock.outreach.auth.config.SealingConfig;
import com.scopelock.outreach.model.SessionSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;

/** The session sealer from {@code telegram.sealing.keyset} or {@code telegram.sealing.keyset-file}. */
@ApplicationScoped
public class SealerProducer {
    private static final Logger LOG = Logger.getLogger(SealerProducer.class);

    @Produces
    @Singleton
    SessionSealer sealer(SealingConfig config) {
        String keyset = config.keyset().filter(s -> !s.isBlank()).orElseGet(() -> config.keysetFile().map(f -> {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read telegram.sealing.keyset-file " + f + ": "
                        + e.getClass().getSimpleName());
            }
        }).orElseThrow(() -> new IllegalStateException("no session sealing keyset: set TELEGRAM_SEALING_KEYSET "
                + "(Tink JSON keyset or its base64) or TELEGRAM_SEALING_KEYSET_FILE")));
        SessionSealer sealer = SessionSealer.fromKeyset(keyset);
        LOG.infof("sessions are sealed with %s", sealer);
        return sealer;
    }
}
