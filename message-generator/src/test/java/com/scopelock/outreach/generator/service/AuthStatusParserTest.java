package com.scopelock.outreach.generator.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answers of {@code claude auth status} as the real CLI 2.1.332 prints them (RealClaudeCliTest runs it). */
class AuthStatusParserTest {
    private static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");

    @Test
    void loggedOutWithExitCode1() {
        String out = """
                {
                  "loggedIn": false,
                  "authMethod": "none",
                  "apiProvider": "firstParty",
                  "analyticsDisabled": false,
                  "projectsDirectory": "/tmp/claude-run-1/config/projects",
                  "configDirectory": "/tmp/claude-run-1/config",
                  "loginExpiresAt": null,
                  "consoleProfileSignInOffered": true
                }
                """;
        CliStatus status = AuthStatusParser.parse(1, out, NOW, 400);
        assertEquals(CliState.NOT_LOGGED_IN, status.state());
        assertNull(status.authMethod());
        assertTrue(status.templatesOnly());
        assertEquals("templates only: Claude is not logged in", status.summary());
        assertEquals(NOW, status.checkedAt());
    }

    @Test
    void tokenAndKey() {
        CliStatus token = AuthStatusParser.parse(0, """
                {"loggedIn": true, "authMethod": "oauth_token", "apiProvider": "firstParty", "loginExpiresAt": null}
                """, NOW, 1);
        assertEquals(CliState.READY, token.state());
        assertEquals("oauth_token", token.authMethod());
        assertEquals("Claude is ready (oauth token)", token.summary());
        CliStatus key = AuthStatusParser.parse(0, """
                {"loggedIn": true, "authMethod": "api_key", "apiKeySource": "ANTHROPIC_API_KEY"}
                """, NOW, 1);
        assertEquals(CliState.READY, key.state());
        assertEquals("api_key", key.authMethod());
    }

    @Test
    void aNoticeBeforeTheJsonIsSkipped() {
        CliStatus status = AuthStatusParser.parse(0, "Update available: 2.2.0\n{\"loggedIn\": true, \"authMethod\": \"claude.ai\"}",
                NOW, 1);
        assertEquals(CliState.READY, status.state());
        assertEquals("claude.ai", status.authMethod());
    }

    @Test
    void anythingElseIsAnErrorNotALogin() {
        assertEquals(CliState.ERROR, AuthStatusParser.parse(0, "Logged in as someone", NOW, 1).state());
        assertEquals(CliState.ERROR, AuthStatusParser.parse(1, "error: unknown command 'auth'", NOW, 1).state());
        assertEquals(CliState.ERROR, AuthStatusParser.parse(0, "{\"loggedIn\": \"yes\"}", NOW, 1).state());
        assertEquals(CliState.ERROR, AuthStatusParser.parse(0, "{not json", NOW, 1).state());
        assertEquals(CliState.ERROR, AuthStatusParser.parse(2, "{\"loggedIn\": true}", NOW, 1).state());
        assertEquals(CliState.ERROR, AuthStatusParser.parse(0, null, NOW, 1).state());
    }
}
