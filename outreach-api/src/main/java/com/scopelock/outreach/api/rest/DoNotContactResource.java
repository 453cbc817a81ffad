package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.graph.DoNotContactRepository;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.api.service.QueueService;
import com.scopelock.outreach.api.service.WatchWithdrawals;
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

import java.time.Instant;

/** {@code POST/DELETE /api/outreach/contacts/{id}/do-not-contact}: a lead nobody should contact (with a reason). */
@Path("/api/outreach/contacts/{id}/do-not-contact")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DoNotContactResource {
    static final int MAX_REASON = 500;

    private final DoNotContactRepository marks;
    private final QueueService queue;
    private final JsonWebToken jwt;
    private final WatchWithdrawals withdrawals;

    public DoNotContactResource(DoNotContactRepository marks, QueueService queue, JsonWebToken jwt,
                                WatchWithdrawals withdrawals) {
        this.withdrawals = withdrawals;
        this.marks = marks;
        this.queue = queue;
        this.jwt = jwt;
    }

    public record MarkRequest(String reason) {
    }

    public record MarkAnswer(String contactId, boolean doNotContact, String outreachStatus, String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<MarkAnswer> mark(@PathParam("id") String id, MarkRequest request) {
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            throw ProblemException.invalid("invalid_reason", "reason", "is required, at most " + MAX_REASON + " characters");
        }
        return marks.mark(id, reason, jwt.getSubject(), Instant.now().toString())
                .invoke(queue::invalidateCounts)
                .map(status -> new MarkAnswer(id, true, status.orElseThrow(() -> notFound(id)), reason))
                .call(answer -> withdrawals.doNotContact(id));
    }

    @DELETE
    public Uni<MarkAnswer> unmark(@PathParam("id") String id) {
        return marks.unmark(id, jwt.getSubject(), Instant.now().toString())
                .invoke(queue::invalidateCounts)
                .map(status -> new MarkAnswer(id, false, status.orElseThrow(() -> notFound(id)), null));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.of(404, "contact_not_found", "no contact " + id);
    }
}
