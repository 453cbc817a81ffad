package com.scopelock.outreach.generator.rest;

import com.scopelock.outreach.generator.service.ClaudeCliStatusProbe;
import com.scopelock.outreach.generator.service.CliStatus;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/generator/status}: whether first messages are written by Claude or come from the template,
 * for the Mission Deck UI (shown next to the generator). The same for every member (no owner data); JWT
 * required like every {@code /api} route. Reads the cached state: it never runs the CLI.
 */
@Path("/api/generator/status")
@Authenticated
public class GeneratorStatusResource {
    private final ClaudeCliStatusProbe status;

    public GeneratorStatusResource(ClaudeCliStatusProbe status) {
        this.status = status;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> status() {
        CliStatus current = status.current();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("cli_state", current.state().tag());
        answer.put("mode", current.templatesOnly() ? "templates_only" : "claude");
        answer.put("summary", current.summary());
        answer.put("auth_method", current.authMethod());
        answer.put("checked_at", current.checkedAt() == null ? null : current.checkedAt().toString());
        return answer;
    }
}
