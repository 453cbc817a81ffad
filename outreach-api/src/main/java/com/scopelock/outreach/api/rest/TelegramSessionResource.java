package com.scopelock.outreach.api.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import com.scopelock.outreach.api.graph.SessionRepository.SessionRow;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.api.service.SessionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/** The caller's connected Telegram sessions (never their sealed data) and disconnecting one of them. */
@Path("/api/outreach/telegram")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TelegramSessionResource {
    private final SessionService sessions;
    private final JsonWebToken jwt;

    public TelegramSessionResource(SessionService sessions, JsonWebToken jwt) {
        this.sessions = sessions;
        this.jwt = jwt;
    }

    public record SessionList(List<SessionRow> sessions) {
    }

    public record DisconnectRequest(String sessionId) {
    }

    public record DisconnectAnswer(boolean success, String sessionId, String status, String message) {
    }

    @GET
    @Path("/sessions")
    public Uni<SessionList> list() {
        return sessions.list(jwt.getSubject()).map(SessionList::new);
    }

    @APIResponse(responseCode = "404", description = "No such session of yours")
    @POST
    @Path("/disconnect")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Disconnecting",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisconnectAnswer.class)))
    public Uni<DisconnectAnswer> disconnect(DisconnectRequest request) {
        if (request == null || request.sessionId() == null || request.sessionId().isBlank()) {
            throw ProblemException.invalid("invalid_body", "session_id", "is required");
        }
        return sessions.disconnect(jwt.getSubject(), request.sessionId()).map(found -> {
            if (!found) {
                throw ProblemException.of(404, "session_not_found", "no session " + request.sessionId() + " of yours");
            }
            return new DisconnectAnswer(true, request.sessionId(), "disconnecting",
                    "Telegram is being disconnected; monitoring stops once the session has logged out.");
        });
    }
}
