package com.scopelock.outreach.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.api.service.StageService;
import com.scopelock.outreach.api.service.StageService.StageChange;
import com.scopelock.outreach.problems.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code PUT /api/outreach/contacts/{id}/stage} {@code {"stage", "note"?, "until"?}}: a member moves a lead's stage. */
@Path("/api/outreach/contacts/{id}/stage")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StageResource {
    private final StageService stages;
    private final JsonWebToken jwt;

    public StageResource(StageService stages, JsonWebToken jwt) {
        this.stages = stages;
        this.jwt = jwt;
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "409", description = "Not a sensible move from the lead's stage (the problem says why), or claimed by another member")
    @APIResponse(responseCode = "200", description = "The lead's stage after the move",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StageChange.class)))
    public Uni<StageChange> move(@PathParam("id") String id, String body) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        JsonNode json = OutreachResource.json(body);
        JsonNode stage = json.get("stage");
        if (stage == null || !stage.isTextual()) {
            throw ProblemException.invalid("invalid_body", "stage", "(a string) is required");
        }
        return stages.move(jwt.getSubject(), id, stage.textValue(), optionalText(json, "note"),
                optionalText(json, "until"));
    }

    static String optionalText(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.invalid("invalid_body", name, "must be a string");
        }
        return value.textValue();
    }
}
