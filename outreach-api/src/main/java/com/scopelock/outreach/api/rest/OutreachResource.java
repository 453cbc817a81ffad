package com.scopelock.outreach.api.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.api.service.OutreachService;
import com.scopelock.outreach.model.JsonCodec;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * First messages for the Mission Deck: generate (claims the lead), list the caller's versions, edit before
 * sending, mark sent, release a claim. The caller is the JWT's {@code sub}; every message query is scoped to
 * it (another member's message is "not found").
 */
@Path("/api/outreach")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OutreachResource {
    static final Pattern CONTACT_ID = Pattern.compile("contact-[a-z0-9-]{1,100}");
    static final Pattern MESSAGE_ID = Pattern.compile("message-[a-z0-9-]{1,120}");
    private static final int MAX_BODY_CHARS = 20_000;
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final OutreachService outreach;
    private final JsonWebToken jwt;

    public OutreachResource(OutreachService outreach, JsonWebToken jwt) {
        this.outreach = outreach;
        this.jwt = jwt;
    }

    public record SentAnswer(boolean success, String contactId, String messageId, String contactStatus, String sentAt) {
    }

    public record ReleaseAnswer(String contactId, boolean released) {
    }

    public record MessagesAnswer(String contactId, List<MessageAnswer> messages) {
    }

    /**
     * Blocking on a worker thread on purpose (as is {@link #edit}): the answer completes on Kafka's threads (the
     * generator's answer, the watch record's ack), and resuming the non-blocking request from there was seen to
     * lose the request scope now and then (ContextNotActiveException when writing the response). Every step has
     * its own time limit (graph query timeout, generator timeout, watch ack timeout); {@link #MAX_WAIT} is a net.
     */
    @POST
    @Path("/generate-message/{contact_id}")
    @Blocking
    @APIResponse(responseCode = "409", description = "Claimed by another member, or marked do-not-contact")
    @APIResponse(responseCode = "200", description = "The new message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageAnswer.class)))
    public MessageAnswer generate(@PathParam("contact_id") String contactId) {
        check("contact_id", contactId, CONTACT_ID);
        return outreach.generate(jwt.getSubject(), contactId).map(MessageAnswer::of).await().atMost(MAX_WAIT);
    }

    @GET
    @Path("/contacts/{id}/messages")
    public Uni<MessagesAnswer> messages(@PathParam("id") String contactId) {
        check("id", contactId, CONTACT_ID);
        return outreach.messagesOf(jwt.getSubject(), contactId)
                .map(list -> new MessagesAnswer(contactId, list.stream().map(MessageAnswer::of).toList()));
    }

    @PUT
    @Path("/messages/{id}")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    @APIResponse(responseCode = "409", description = "Already marked sent, or claimed by another member")
    @APIResponse(responseCode = "200", description = "The edited message",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageAnswer.class)))
    public MessageAnswer edit(@PathParam("id") String messageId, String body) {
        check("id", messageId, MESSAGE_ID);
        JsonNode text = json(body).get("message_text");
        if (text == null || !text.isTextual()) {
            throw ProblemException.invalid("invalid_body", "message_text", "(a string) is required");
        }
        return outreach.edit(jwt.getSubject(), messageId, text.textValue()).map(MessageAnswer::of)
                .await().atMost(MAX_WAIT);
    }

    @POST
    @Path("/mark-sent")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "404", description = "No such contact or message of yours")
    @APIResponse(responseCode = "409", description = "Claimed by another member")
    @APIResponse(responseCode = "200", description = "Marked sent (again: the same sent_at)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SentAnswer.class)))
    public Uni<SentAnswer> markSent(String body) {
        MessageRef ref = messageRef(body);
        return outreach.markSent(jwt.getSubject(), ref.contactId(), ref.messageId())
                .map(s -> new SentAnswer(true, s.contactId(), s.messageId(), s.contactStatus(), s.sentAt()));
    }

    /** Undo of mark-sent: the caller's own marking, within the undo window; 409 otherwise. */
    @POST
    @Path("/mark-sent/undo")
    @Consumes(MediaType.WILDCARD)
    public Uni<UndoSentAnswer> undoSent(String body) {
        MessageRef ref = messageRef(body);
        return outreach.undoSent(jwt.getSubject(), ref.contactId(), ref.messageId())
                .map(status -> new UndoSentAnswer(true, ref.contactId(), ref.messageId(), status));
    }

    public record UndoSentAnswer(boolean success, String contactId, String messageId, String contactStatus) {
    }

    private record MessageRef(String contactId, String messageId) {
    }

    /** {"contact_id": …, "message_id": …} of mark-sent and its undo, both checked. */
    private static MessageRef messageRef(String body) {
        JsonNode json = json(body);
        String contactId = field(json, "contact_id");
        String messageId = field(json, "message_id");
        check("contact_id", contactId, CONTACT_ID);
        check("message_id", messageId, MESSAGE_ID);
        return new MessageRef(contactId, messageId);
    }

    @POST
    @Path("/contacts/{id}/release")
    @APIResponse(responseCode = "409", description = "Claimed by another member")
    @APIResponse(responseCode = "200", description = "Released (or held no claim)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReleaseAnswer.class)))
    public Uni<ReleaseAnswer> release(@PathParam("id") String contactId) {
        check("id", contactId, CONTACT_ID);
        return outreach.release(jwt.getSubject(), contactId).map(r -> new ReleaseAnswer(r.contactId(), r.released()));
    }

    static void check(String name, String value, Pattern pattern) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw ProblemException.invalid("invalid_parameter", name, "must look like " + pattern.pattern()
                    .replace("{1,100}", "…").replace("{1,120}", "…") + (value == null ? ", got nothing" : ""));
        }
    }

    private static String field(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual()) {
            throw ProblemException.invalid("invalid_body", name, "(a string) is required");
        }
        return value.textValue();
    }

    static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.of(400, "invalid_body", "a JSON object body is required");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw ProblemException.of(400, "invalid_body", "the body is too large");
        }
        try {
            JsonNode node = JsonCodec.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.of(400, "invalid_body", "the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ProblemException.of(400, "invalid_body", "the body is not valid JSON");
        }
    }
}
