package com.scopelock.outreach.generator.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Claude CLI's credentials: the subscription's long-lived token ({@code claude setup-token}) and/or an API
 * key. They are only ever put into the CLI subprocess's environment; {@link #toString()} never shows them.
 */
public final class CliCredentials {
    public static final String OAUTH_TOKEN_ENV = "CLAUDE_CODE_OAUTH_TOKEN";
    public static final String API_KEY_ENV = "ANTHROPIC_API_KEY";
    private static final CliCredentials NONE = new CliCredentials(Optional.empty(), Optional.empty());

    private final Optional<String> oauthToken;
    private final Optional<String> apiKey;

    private CliCredentials(Optional<String> oauthToken, Optional<String> apiKey) {
        this.oauthToken = oauthToken.map(String::strip).filter(v -> !v.isEmpty());
        this.apiKey = apiKey.map(String::strip).filter(v -> !v.isEmpty());
    }

    public static CliCredentials of(Optional<String> oauthToken, Optional<String> apiKey) {
        return new CliCredentials(oauthToken, apiKey);
    }

    public static CliCredentials none() {
        return NONE;
    }

    /** The environment entries that carry the credentials (none when not configured). */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        oauthToken.ifPresent(v -> env.put(OAUTH_TOKEN_ENV, v));
        apiKey.ifPresent(v -> env.put(API_KEY_ENV, v));
        return env;
    }

    /** Which credentials are configured, by name only: "oauth_token", "api_key", both or "none". */
    public String configured() {
        if (oauthToken.isPresent() && apiKey.isPresent()) {
            return "oauth_token+api_key";
        }
        return oauthToken.isPresent() ? "oauth_token" : apiKey.isPresent() ? "api_key" : "none";
    }

    @Override
    public String toString() {
        return "CliCredentials[" + configured() + ", values hidden]";
    }
}
