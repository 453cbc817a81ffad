package com.scopelock.outreach.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.api.graph.LeadNoteRepository.Note;
import com.scopelock.outreach.api.service.LeadNoteService;
import com.scopelock.outreach.problems.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/** Notes on a lead ({@code POST/GET /api/outreach/contacts/{id}/notes}), shared by the team. */
@Path("/api/outreach/contacts/{id}/notes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LeadNotesResource {
    private final LeadNoteService tags;
    private final JsonWebToken jwt;

    public LeadNotesResource(LeadNoteService tags, JsonWebToken jwt) {
        this.tags = tags;
        this.jwt = jwt;
    }

    public record NoteAnswer(String noteId, String contactId, String text, String author, String createdAt) {
        static NoteAnswer of(String contactId, Note n) {
            return new NoteAnswer(n.noteId(), contactId, n.text(), n.author(), n.createdAt());
        }
    }

    public record NotesAnswer(String contactId, List<NoteAnswer> notes) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<NoteAnswer> addNote(@PathParam("id") String id, String body) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        JsonNode text = OutreachResource.json(body).get("text");
        if (text == null || !text.isTextual()) {
            throw ProblemException.invalid("invalid_body", "text", "(a string) is required");
        }
        return tags.addNote(jwt.getSubject(), id, text.textValue()).map(n -> NoteAnswer.of(id, n));
    }

    @GET
    public Uni<NotesAnswer> notes(@PathParam("id") String id) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        return tags.notes(id).map(list -> new NotesAnswer(id, list.stream().map(n -> NoteAnswer.of(id, n)).toList()));
    }
}
