package com.scopelock.outreach.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Mission Deck UI served at / (env OUTREACH_UI_*): where it calls the other services, and its sign-in. */
@ConfigMapping(prefix = "outreach.ui")
public interface UiConfig {
    /** Base URL of lead-ingest for the browser, or {@code same-origin}. */
    @WithDefault("http://127.0.0.1:8084")
    String leadsApi();

    /** Base URL of telegram-auth-service for the browser, or {@code same-origin}. */
    @WithDefault("http://127.0.0.1:8081")
    String telegramApi();

    /** Base URL of message-generator for the browser (its CLI state), or {@code same-origin}. */
    @WithDefault("http://127.0.0.1:8083")
    String generatorApi();

    @WithDefault("false")
    boolean devSignIn();

    /** Classpath resource listing the sha256 hashes of the inline scripts of the static export (made by its build). */
    @WithDefault("META-INF/resources/csp-script-hashes.txt")
    String cspScriptHashes();
}
