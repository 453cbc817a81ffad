package com.scopelock.outreach.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.scopelock.outreach.api.graph.DoNotContactRepository.Mark;
import com.scopelock.outreach.api.service.DoNotContactService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST/DELETE /api/outreach/contacts/{id}/do-not-contact}: a lead nobody should contact (with a reason).
 * Only the claimer may set or lift a mark, or anyone while the lead is unclaimed; the lead's own opt-out is lifted
 * only with {@code ?reason=}.
 */
@Path("/api/outreach/contacts/{id}/do-not-contact")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DoNotContactResource {
    private final DoNotContactService marks;
    private final JsonWebToken jwt;

    public DoNotContactResource(DoNotContactService marks, JsonWebToken jwt) {
        this.marks = marks;
        this.jwt = jwt;
    }

    public record MarkRequest(String reason) {
    }

    /**
     * The lead's mark after the call: while marked, why, by whom, when; once lifted, who lifted it, when, why. Absent
     * values are left out (never {@code null}); the names are spelled out so the OpenAPI document says the same.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MarkAnswer(
            @JsonProperty("contact_id") @Schema(required = true) String contactId,
            @JsonProperty("do_not_contact") @Schema(required = true) boolean doNotContact,
            @JsonProperty("outreach_status") @Schema(required = true) String outreachStatus,
            @JsonProperty("reason") @Schema(description = "why the lead is marked; only while it is") String reason,
            @JsonProperty("marked_by")
            @Schema(description = "who set the mark (the member, or message-generator for the lead's own opt-out)")
            String markedBy,
            @JsonProperty("marked_at") String markedAt,
            @JsonProperty("source")
            @Schema(enumeration = {"member", "lead"}, description = "lead: the lead asked not to be contacted")
            String source,
            @JsonProperty("lifted_by") String liftedBy,
            @JsonProperty("lifted_at") String liftedAt,
            @JsonProperty("lift_reason") String liftReason) {

        static MarkAnswer of(String id, Mark m) {
            return m.doNotContact()
                    ? new MarkAnswer(id, true, m.outreachStatus(), m.reason(), m.markedBy(), m.markedAt(), m.source(),
                    null, null, null)
                    : new MarkAnswer(id, false, m.outreachStatus(), null, null, null, null, m.liftedBy(), m.liftedAt(),
                    m.liftReason());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The lead's mark (a mark already there is left as it is)")
    @APIResponse(responseCode = "400", description = "reason missing or longer than 500 characters")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "Another member holds a valid claim on the lead")
    public Uni<MarkAnswer> mark(@PathParam("id") String id, MarkRequest request) {
        return marks.mark(jwt.getSubject(), id, request == null ? null : request.reason())
                .map(m -> MarkAnswer.of(id, m));
    }

    @DELETE
    @APIResponse(responseCode = "200", description = "The mark is lifted (or there was none)")
    @APIResponse(responseCode = "400", description = "reason longer than 500 characters")
    @APIResponse(responseCode = "404", description = "No such contact")
    @APIResponse(responseCode = "409", description = "Another member holds a valid claim, or the lead opted out and no reason was given")
    public Uni<MarkAnswer> unmark(@PathParam("id") String id, @QueryParam("reason") String reason) {
        return marks.unmark(jwt.getSubject(), id, reason).map(m -> MarkAnswer.of(id, m));
    }
}
