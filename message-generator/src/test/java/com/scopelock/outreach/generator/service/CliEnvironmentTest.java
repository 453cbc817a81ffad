package com.scopelock.outreach.generator.service;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliEnvironmentTest {
    private static final List<String> PASSTHROUGH = List.of(CliEnvironment.DEFAULT_PASSTHROUGH.split(","));
    private static final Map<String, String> SERVICE_ENV = Map.of(
            "PATH", "/usr/bin", "HOME", "/home/generator", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
            "JWT_PUBLIC_KEY_LOCATION", "/etc/jwt", "ANTHROPIC_API_KEY", "sk-from-service-env",
            "CLAUDE_CODE_OAUTH_TOKEN", "oat-from-service-env", "CLAUDE_CONFIG_DIR", "/somewhere", "NO_COLOR", "0");

    @Test
    void onlyThePassThroughVariablesAndTheConfiguredCredentialsReachTheCli() {
        CliEnvironment env = CliEnvironment.of(SERVICE_ENV, PASSTHROUGH,
                CliCredentials.of(Optional.of(" oat-configured "), Optional.empty()), true);
        Map<String, String> run = env.forRun(Path.of("/tmp/claude-run-1/config"));
        assertEquals("/usr/bin", run.get("PATH"));
        assertEquals("/home/generator", run.get("HOME"));
        assertNull(run.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertNull(run.get("JWT_PUBLIC_KEY_LOCATION"));
        assertEquals("oat-configured", run.get("CLAUDE_CODE_OAUTH_TOKEN"));
        assertNull(run.get("ANTHROPIC_API_KEY"), "credentials come from configuration only");
        assertEquals("/tmp/claude-run-1/config", run.get("CLAUDE_CONFIG_DIR"));
        assertEquals("1", run.get("NO_COLOR"));
        assertEquals("1", run.get("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"));
    }

    @Test
    void withoutAPrivateConfigDirAPassedThroughOneIsKept() {
        List<String> passthrough = new java.util.ArrayList<>(PASSTHROUGH);
        passthrough.add("CLAUDE_CONFIG_DIR");
        Map<String, String> run = CliEnvironment.of(SERVICE_ENV, passthrough, CliCredentials.none(), false)
                .forRun(Path.of("/ignored"));
        assertEquals("/somewhere", run.get("CLAUDE_CONFIG_DIR"));
        assertFalse(run.containsKey("CLAUDE_CODE_OAUTH_TOKEN"));
        Map<String, String> privateRun = CliEnvironment.of(SERVICE_ENV, passthrough, CliCredentials.none(), true)
                .forRun(Path.of("/tmp/run/config"));
        assertEquals("/tmp/run/config", privateRun.get("CLAUDE_CONFIG_DIR"));
    }

    @Test
    void emptyCredentialsAreNotSetAndValuesNeverShowInToString() {
        CliCredentials blank = CliCredentials.of(Optional.of("  "), Optional.of(""));
        assertEquals("none", blank.configured());
        assertTrue(blank.environment().isEmpty());
        CliCredentials both = CliCredentials.of(Optional.of("oat-secret-1"), Optional.of("sk-secret-2"));
        assertEquals("oauth_token+api_key", both.configured());
        CliEnvironment env = CliEnvironment.of(SERVICE_ENV, PASSTHROUGH, both, true);
        CliSettings settings = new CliSettings(List.of("claude", "-p"), java.time.Duration.ofSeconds(1), 1, 0, 10, 10,
                env, null, null);
        for (String shown : List.of(both.toString(), env.toString(), settings.toString())) {
            assertFalse(shown.contains("oat-secret-1") || shown.contains("sk-secret-2"), shown);
        }
    }

    @Test
    void theStatusCommandIsTheExecutableWithAuthStatus() {
        assertEquals(List.of("claude", "auth", "status"), CliSettings.authStatusCommand(
                List.of("claude", "-p", "--tools=", "--no-session-persistence")));
        assertEquals(List.of("node", "/opt/claude/cli.js", "auth", "status"), CliSettings.authStatusCommand(
                List.of("node", "/opt/claude/cli.js", "-p")));
    }
}
