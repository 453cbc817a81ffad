package com.scopelock.outreach.telegram.sim;

import java.util.Locale;

/**
 * Keeps the simulated Telegram out of production: a {@link Consent} — needed to open a
 * {@link SimulatedTdJson} — exists only when the profile is not {@code prod} and someone explicitly set
 * {@code TELEGRAM_SIMULATED_I_UNDERSTAND=true}.
 */
public final class SimulatedModeGuard {
    public static final String ENV_FLAG = "TELEGRAM_SIMULATED_I_UNDERSTAND";

    private SimulatedModeGuard() {
    }

    /** Proof that simulated mode was deliberately enabled outside production. */
    public static final class Consent {
        private final String profile;

        private Consent(String profile) {
            this.profile = profile;
        }

        public String profile() {
            return profile;
        }

        @Override
        public String toString() {
            return "SimulatedModeConsent[profile=" + profile + "]";
        }
    }

    public static Consent consent(String profile, boolean iUnderstand) {
        String p = profile == null ? "" : profile.trim().toLowerCase(Locale.ROOT);
        if (p.isEmpty() || p.equals("prod") || p.equals("production")) {
            throw new IllegalStateException("Refusing SIMULATED TELEGRAM in profile '" + profile
                    + "': only a named non-production profile (dev, test, e2e, bench) may use it");
        }
        if (!iUnderstand) {
            throw new IllegalStateException("Refusing SIMULATED TELEGRAM: set " + ENV_FLAG
                    + "=true as well as telegram.mode=simulated to use the simulator");
        }
        SimLog.warn("*** SIMULATED TELEGRAM enabled (profile {0}) — no real Telegram account is used ***", p);
        return new Consent(p);
    }
}
