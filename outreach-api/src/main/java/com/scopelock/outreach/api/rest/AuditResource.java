package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.graph.TimelineRepository.AuditEntry;
import com.scopelock.outreach.api.service.TimelineService;
import com.scopelock.outreach.problems.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.regex.Pattern;

/** {@code GET /api/outreach/audit?member=&limit=&offset=}: what a team member did to leads (default: the caller). */
@Path("/api/outreach/audit")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private final TimelineService timeline;
    private final JsonWebToken jwt;

    public AuditResource(TimelineService timeline, JsonWebToken jwt) {
        this.timeline = timeline;
        this.jwt = jwt;
    }

    public record AuditAnswer(String member, List<AuditEntry> events, int limit, long offset) {
    }

    @GET
    public Uni<AuditAnswer> audit(@QueryParam("member") String member, @QueryParam("limit") String limit,
                                  @QueryParam("offset") String offset) {
        String who = member == null || member.isEmpty() ? jwt.getSubject() : member;
        if (!MEMBER.matcher(who).matches()) {
            throw ProblemException.invalid("invalid_parameter", "member", "must be a member id (letters, digits, . _ @ -)");
        }
        int size = (int) Params.integer("limit", limit, 50, 1, 200);
        long skip = Params.integer("offset", offset, 0, 0, 1_000_000);
        return timeline.audit(who, skip, size).map(events -> new AuditAnswer(who, events, size, skip));
    }
}
