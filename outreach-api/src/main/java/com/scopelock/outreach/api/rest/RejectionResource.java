package com.scopelock.outreach.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.api.graph.RejectionRepository.Outcome;
import com.scopelock.outreach.api.service.RejectionService;
import com.scopelock.outreach.problems.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code POST/DELETE /api/outreach/contacts/{id}/reject}: a member marks a lead rejected (optional reason) or undoes it. */
@Path("/api/outreach/contacts/{id}/reject")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RejectionResource {
    private final RejectionService rejections;
    private final JsonWebToken jwt;

    public RejectionResource(RejectionService rejections, JsonWebToken jwt) {
        this.rejections = rejections;
        this.jwt = jwt;
    }

    /** Absent values are left out, never {@code null} (the OpenAPI document declares them as strings). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RejectAnswer(String contactId, boolean rejected, String outreachStatus, String reason,
                               String rejectedBy, String rejectedAt) {
        static RejectAnswer of(String id, Outcome o) {
            return new RejectAnswer(id, "rejected".equals(o.outreachStatus()), o.outreachStatus(), o.reason(),
                    o.rejectedBy(), o.rejectedAt());
        }
    }

    /** The body is optional: none, or {@code {"reason": "..."}}. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<RejectAnswer> reject(@PathParam("id") String id, String body) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        String reason = null;
        if (body != null && !body.isBlank()) {
            JsonNode value = OutreachResource.json(body).get("reason");
            if (value != null && !value.isNull() && !value.isTextual()) {
                throw ProblemException.invalid("invalid_body", "reason", "must be a string");
            }
            reason = value == null || value.isNull() ? null : value.textValue();
        }
        return rejections.reject(jwt.getSubject(), id, reason).map(o -> RejectAnswer.of(id, o));
    }

    @DELETE
    public Uni<RejectAnswer> undo(@PathParam("id") String id) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        return rejections.undo(jwt.getSubject(), id).map(o -> RejectAnswer.of(id, o));
    }
}
