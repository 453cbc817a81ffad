package com.scopelock.outreach.generator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.model.JsonCodec;

import java.time.Instant;

/**
 * Reads the answer of {@code claude auth status} (JSON by default since the 2.x CLI):
 * {@code {"loggedIn": false, "authMethod": "none", …}} with exit code 1 when logged out, {@code "loggedIn": true,
 * "authMethod": "oauth_token" | "api_key" | …} with exit code 0 when credentials are present.
 */
public final class AuthStatusParser {
    private AuthStatusParser() {
    }

    public static CliStatus parse(int exitCode, String stdout, Instant checkedAt, long durationMs) {
        JsonNode answer = readObject(stdout);
        if (answer == null || !answer.path("loggedIn").isBoolean()) {
            return new CliStatus(CliState.ERROR, null, CliState.ERROR.sentence()
                    + " (`auth status` exited with " + exitCode + " and no login state)", checkedAt, durationMs);
        }
        String method = answer.path("authMethod").isTextual() ? answer.path("authMethod").asText() : null;
        if (!answer.path("loggedIn").asBoolean()) {
            return new CliStatus(CliState.NOT_LOGGED_IN, null, CliState.NOT_LOGGED_IN.sentence(), checkedAt,
                    durationMs);
        }
        if (exitCode != 0) {
            return new CliStatus(CliState.ERROR, method, CliState.ERROR.sentence()
                    + " (`auth status` says logged in but exited with " + exitCode + ")", checkedAt, durationMs);
        }
        return new CliStatus(CliState.READY, method, CliState.READY.sentence()
                + (method == null ? "" : " (" + method.replace('_', ' ') + ")"), checkedAt, durationMs);
    }

    /** The first JSON object in the output (a CLI may print a notice line before it), or null. */
    private static JsonNode readObject(String stdout) {
        if (stdout == null) {
            return null;
        }
        int start = stdout.indexOf('{');
        if (start < 0) {
            return null;
        }
        try {
            JsonNode node = JsonCodec.mapper().readTree(stdout.substring(start));
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
