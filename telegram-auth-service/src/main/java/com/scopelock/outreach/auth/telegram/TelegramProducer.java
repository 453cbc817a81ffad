package com.scopelock.outreach.auth.telegram;

import com.scopelock.outreach.auth.config.TelegramSettings;
import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.TelegramConfig;
import com.scopelock.outreach.telegram.sim.SimulatedModeGuard;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Builds telegram-client's factory from config. Simulated mode goes through the library's guard: the profile
 * must be a named non-prod one ({@code dev}, {@code test}) and {@code TELEGRAM_SIMULATED_I_UNDERSTAND=true} must
 * be in the process environment (read here from {@link System#getenv} only, never from config files).
 */
@ApplicationScoped
public class TelegramProducer {
    private static final Logger LOG = Logger.getLogger(TelegramProducer.class);

    @Produces
    @Singleton
    TelegramClientFactory telegram(TelegramSettings settings) {
        java.util.List<String> profiles = ConfigUtils.getProfiles();
        String profile = profiles.isEmpty() || profiles.contains("prod") ? "prod" : profiles.getFirst();
        boolean iUnderstand = "true".equalsIgnoreCase(System.getenv(SimulatedModeGuard.ENV_FLAG));
        TelegramConfig config = new TelegramConfig(TelegramConfig.Mode.parse(settings.mode()), settings.tdlibPath(),
                settings.simulatedWorldDir(), profile, iUnderstand, settings.requestTimeout(), null);
        TelegramClientFactory factory = TelegramClientFactory.create(config);
        if (factory.simulated()) {
            LOG.warnf("*** SIMULATED TELEGRAM *** QR logins of this replica use the simulator (world %s, profile %s)",
                    settings.simulatedWorldDir().orElse(null), profile);
        } else {
            LOG.infof("QR logins use %s", factory.label());
        }
        return factory;
    }

    void close(@Disposes TelegramClientFactory factory) {
        factory.close();
    }
}
