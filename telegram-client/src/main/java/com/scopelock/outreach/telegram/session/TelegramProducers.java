package com.scopelock.outreach.telegram.session;

import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.TelegramConfig;
import com.scopelock.outreach.telegram.sim.SimulatedModeGuard;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * The Telegram client factory and the session sealer of a service, from {@link TelegramSettings}. Simulated mode
 * goes through telegram-client's guard: a named non-prod profile and {@code TELEGRAM_SIMULATED_I_UNDERSTAND=true}
 * in the process environment (read from {@link System#getenv} only, never from config files).
 */
@ApplicationScoped
public class TelegramProducers {
    private static final System.Logger LOG = System.getLogger(TelegramProducers.class.getName());

    @Produces
    @Singleton
    TelegramClientFactory telegram(TelegramSettings settings) {
        List<String> profiles = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
        boolean iUnderstand = "true".equalsIgnoreCase(System.getenv(SimulatedModeGuard.ENV_FLAG));
        TelegramClientFactory factory = TelegramClientFactory.create(clientConfig(settings, profiles, iUnderstand));
        LOG.log(System.Logger.Level.INFO, "Telegram clients use {0}", factory.label());
        return factory;
    }

    void close(@Disposes TelegramClientFactory factory) {
        factory.close();
    }

    @Produces
    @Singleton
    SessionSealer sealer(TelegramSettings settings) {
        SessionSealer sealer = SessionSealer.fromKeyset(keyset(settings.sealing()));
        LOG.log(System.Logger.Level.INFO, "sessions are sealed and opened with {0}", sealer);
        return sealer;
    }

    /** No profile, or one including {@code prod}, counts as prod. */
    static TelegramConfig clientConfig(TelegramSettings settings, List<String> profiles, boolean iUnderstand) {
        String profile = profiles.isEmpty() || profiles.contains("prod") ? "prod" : profiles.getFirst();
        return new TelegramConfig(TelegramConfig.Mode.parse(settings.mode()), settings.tdlibPath(),
                settings.simulatedWorldDir(), profile, iUnderstand, settings.requestTimeout(), null);
    }

    static String keyset(TelegramSettings.Sealing sealing) {
        return sealing.keyset().filter(s -> !s.isBlank()).orElseGet(() -> sealing.keysetFile().map(f -> {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read telegram.sealing.keyset-file " + f + ": "
                        + e.getClass().getSimpleName());
            }
        }).orElseThrow(() -> new IllegalStateException("no session sealing keyset: set TELEGRAM_SEALING_KEYSET "
                + "(Tink JSON keyset or its base64) or TELEGRAM_SEALING_KEYSET_FILE")));
    }
}
