package com.scopelock.outreach.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.api.service.FollowUpService;
import com.scopelock.outreach.api.service.FollowUpService.FollowUpView;
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

/**
 * {@code PUT /api/outreach/contacts/{id}/follow-up} {@code {"status"?: "open"|"done"|"cancelled", "due_at"?,
 * "snooze_days"?}}: set, snooze, finish or cancel the lead's follow-up.
 */
@Path("/api/outreach/contacts/{id}/follow-up")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {
    private final FollowUpService followUps;
    private final JsonWebToken jwt;

    public FollowUpResource(FollowUpService followUps, JsonWebToken jwt) {
        this.followUps = followUps;
        this.jwt = jwt;
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Uni<FollowUpView> change(@PathParam("id") String id, String body) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        JsonNode json = OutreachResource.json(body);
        JsonNode days = json.get("snooze_days");
        if (days != null && !days.isNull() && !days.canConvertToInt()) {
            throw ProblemException.invalid("invalid_body", "snooze_days", "must be a whole number of days");
        }
        if (days != null && !days.isNull() && !days.isIntegralNumber()) {
            throw ProblemException.invalid("invalid_body", "snooze_days", "must be a whole number of days");
        }
        return followUps.change(jwt.getSubject(), id, new FollowUpService.Change(StageResource.optionalText(json, "status"),
                StageResource.optionalText(json, "due_at"), days == null || days.isNull() ? null : days.intValue()));
    }
}
