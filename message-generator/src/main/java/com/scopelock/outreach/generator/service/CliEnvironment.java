package com.scopelock.outreach.generator.service;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment a Claude CLI subprocess gets: never the whole service environment, only the variables named
 * in the pass-through list, the configured credentials, and fixed settings that keep the CLI quiet: no colour,
 * no telemetry, error reporting or auto-update traffic. With {@code privateConfigDir} every run gets its own
 * {@code CLAUDE_CONFIG_DIR} inside the run's temporary directory (deleted afterwards), so nothing the CLI keeps
 * (settings, backups, and — without {@code --no-session-persistence} — the prompt) lands under {@code HOME}.
 */
public record CliEnvironment(Map<String, String> inherited, CliCredentials credentials, boolean privateConfigDir) {
    /** The default pass-through list (also the {@code generator.cli.env-passthrough} default). */
    public static final String DEFAULT_PASSTHROUGH = "PATH,HOME,LANG,LC_ALL,TZ,TMPDIR,HTTPS_PROXY,HTTP_PROXY,"
            + "NO_PROXY,https_proxy,http_proxy,no_proxy,NODE_EXTRA_CA_CERTS,SSL_CERT_FILE,SSL_CERT_DIR,"
            + "ANTHROPIC_BASE_URL,ANTHROPIC_MODEL";
    public static final String CONFIG_DIR_ENV = "CLAUDE_CONFIG_DIR";
    /** Set on every run; they cannot be passed through or overridden. */
    static final Map<String, String> FIXED = Map.of(
            "NO_COLOR", "1",
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
    /** Credentials come from configuration only, never from a pass-through of the service's environment. */
    private static final Set<String> NEVER_PASSED = Set.of(CliCredentials.OAUTH_TOKEN_ENV, CliCredentials.API_KEY_ENV);

    public CliEnvironment {
        inherited = Map.copyOf(inherited);
        if (credentials == null) {
            credentials = CliCredentials.none();
        }
    }

    /** Picks the pass-through variables out of {@code parent} (the service's environment, or a test's). */
    public static CliEnvironment of(Map<String, String> parent, List<String> passthrough, CliCredentials credentials,
                                    boolean privateConfigDir) {
        Map<String, String> inherited = new TreeMap<>();
        for (String name : passthrough) {
            String value = parent.get(name);
            boolean blockedConfigDir = privateConfigDir && CONFIG_DIR_ENV.equals(name);
            if (value != null && !NEVER_PASSED.contains(name) && !FIXED.containsKey(name) && !blockedConfigDir) {
                inherited.put(name, value);
            }
        }
        return new CliEnvironment(inherited, credentials, privateConfigDir);
    }

    /**
     * Without configuration (tests, the label evaluation): the process environment through the default
     * pass-through list, the credentials from its {@code CLAUDE_CODE_OAUTH_TOKEN} / {@code ANTHROPIC_API_KEY}
     * (the variables the service's configuration reads too), a private config dir.
     */
    public static CliEnvironment defaults() {
        Map<String, String> env = System.getenv();
        return of(env, Arrays.asList(DEFAULT_PASSTHROUGH.split(",")), CliCredentials.of(
                java.util.Optional.ofNullable(env.get(CliCredentials.OAUTH_TOKEN_ENV)),
                java.util.Optional.ofNullable(env.get(CliCredentials.API_KEY_ENV))), true);
    }

    /** The complete environment of one run; {@code configDir} is used when {@link #privateConfigDir()}. */
    public Map<String, String> forRun(Path configDir) {
        Map<String, String> env = new LinkedHashMap<>(inherited);
        env.putAll(FIXED);
        env.putAll(credentials.environment());
        if (privateConfigDir) {
            env.put(CONFIG_DIR_ENV, configDir.toString());
        }
        return env;
    }
}
