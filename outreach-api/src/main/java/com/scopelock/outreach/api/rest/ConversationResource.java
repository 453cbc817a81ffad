package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.graph.ConversationRepository;
import com.scopelock.outreach.api.graph.ConversationRepository.ConversationRow;
import com.scopelock.outreach.api.graph.ConversationRepository.ReplyRow;
import com.scopelock.outreach.problems.ProblemException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The caller's conversations with leads who replied; reading them here never marks anything read in Telegram. */
@Path("/api/outreach/conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConversationResource {
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final ConversationRepository conversations;
    private final JsonWebToken jwt;

    public ConversationResource(ConversationRepository conversations, JsonWebToken jwt) {
        this.conversations = conversations;
        this.jwt = jwt;
    }

    public record Contact(String id, String name, long telegramId) {
    }

    public record Conversation(String conversationId, Contact contact, long unreadCount, String lastReplyAt,
                               String lastReplyPreview, String conversationStatus, String sentiment, String intent) {
    }

    public record ConversationList(List<Conversation> conversations, long totalUnread, long totalCount, int limit,
                                   long offset) {
    }

    public record Replies(String conversationId, List<ReplyRow> replies, int limit, long offset) {
    }

    @GET
    public Uni<ConversationList> list(@QueryParam("unread_only") String unreadOnly, @QueryParam("limit") String limit,
                                      @QueryParam("offset") String offset) {
        boolean onlyUnread = bool("unread_only", unreadOnly);
        int pageSize = (int) Params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        long skip = Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        String owner = jwt.getSubject();
        return conversations.list(owner, onlyUnread, skip, pageSize).chain(rows -> conversations
                .latestLabels(owner, rows.stream().map(ConversationRow::conversationId).toList())
                .chain(labels -> conversations.totals(owner).map(totals -> new ConversationList(rows.stream().map(row -> {
                    ConversationRepository.Labels l = labels.get(row.conversationId());
                    return new Conversation(row.conversationId(), new Contact(row.contactId(), row.name(), row.telegramId()),
                            row.unreadCount(), row.lastReplyAt(), row.lastReplyPreview(), row.conversationStatus(),
                            l == null ? null : l.sentiment(), l == null ? null : l.intent());
                }).toList(), totals[0], totals[1], pageSize, skip))));
    }

    @GET
    @Path("/{id}/replies")
    public Uni<Replies> replies(@PathParam("id") String id, @QueryParam("limit") String limit,
                               @QueryParam("offset") String offset) {
        int pageSize = (int) Params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        long skip = Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        return conversations.replies(jwt.getSubject(), id, skip, pageSize)
                .map(found -> new Replies(id, found.orElseThrow(() -> notFound(id)), pageSize, skip));
    }

    /** Marks the conversation's replies read in the dashboard only (Telegram is never told). */
    @POST
    @Path("/{id}/read")
    public Uni<Map<String, Object>> read(@PathParam("id") String id) {
        return conversations.markRead(jwt.getSubject(), id, Instant.now().toString())
                .map(marked -> Map.<String, Object>of("conversation_id", id, "marked", marked.orElseThrow(() -> notFound(id)),
                        "unread_count", 0));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.of(404, "conversation_not_found", "no conversation " + id + " of yours");
    }

    private static boolean bool(String name, String raw) {
        if (raw == null || raw.isEmpty() || "false".equals(raw)) {
            return false;
        }
        if ("true".equals(raw)) {
            return true;
        }
        throw ProblemException.invalid("invalid_parameter", name, "must be true or false, got '"
                + com.scopelock.outreach.problems.Problems.quote(raw, 100) + "'");
    }
}
