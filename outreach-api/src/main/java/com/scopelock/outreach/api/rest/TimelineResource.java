package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.graph.TimelineRepository;
import com.scopelock.outreach.api.service.TimelineService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /api/outreach/contacts/{id}/timeline}: everything that happened to a lead, oldest first, for the team. */
@Path("/api/outreach/contacts/{id}/timeline")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {
    private final TimelineService timeline;

    public TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    public record TimelineAnswer(String contactId, List<TimelineRepository.Event> events) {
    }

    @GET
    public Uni<TimelineAnswer> timeline(@PathParam("id") String id) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        return timeline.of(id).map(events -> new TimelineAnswer(id, events));
    }
}
