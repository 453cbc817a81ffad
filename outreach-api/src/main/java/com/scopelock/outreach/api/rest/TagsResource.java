package com.scopelock.outreach.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.api.service.LeadNoteService;
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

import java.util.ArrayList;
import java.util.List;

/** {@code PUT /api/outreach/contacts/{id}/tags} {@code {"tags": [...]}}: replaces a lead's tags (the team's). */
@Path("/api/outreach/contacts/{id}/tags")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TagsResource {
    private final LeadNoteService tags;
    private final JsonWebToken jwt;

    public TagsResource(LeadNoteService tags, JsonWebToken jwt) {
        this.tags = tags;
        this.jwt = jwt;
    }

    public record TagsAnswer(String contactId, List<String> tags) {
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Uni<TagsAnswer> setTags(@PathParam("id") String id, String body) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        JsonNode list = OutreachResource.json(body).get("tags");
        if (list == null || !list.isArray()) {
            throw ProblemException.invalid("invalid_body", "tags", "(a list of strings) is required");
        }
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual()) {
                throw ProblemException.invalid("invalid_body", "tags[" + i + "]", "must be a string");
            }
            raw.add(list.get(i).textValue());
        }
        return tags.setTags(jwt.getSubject(), id, raw).map(t -> new TagsAnswer(id, t));
    }
}
