package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.config.QueueConfig;
import com.scopelock.outreach.api.graph.ContactListRepository.Row;
import com.scopelock.outreach.api.graph.ContactListRepository.Sort;
import com.scopelock.outreach.api.service.ContactListService;
import com.scopelock.outreach.api.service.ContactListService.ListQuery;
import com.scopelock.outreach.api.service.LeadNoteService;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;
import com.scopelock.outreach.rules.Pipeline;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/outreach/contacts}: every lead the team works, filtered and paged (see the README). Leads are
 * the team's; {@code owner=me} narrows to the caller's own (a valid claim or a message of theirs).
 */
@Path("/api/outreach")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContactListResource {
    private static final long MAX_OFFSET = 10_000_000;
    private static final int MAX_Q = 200;

    private final ContactListService lists;
    private final QueueConfig config;
    private final JsonWebToken jwt;

    public ContactListResource(ContactListService lists, QueueConfig config, JsonWebToken jwt) {
        this.lists = lists;
        this.config = config;
        this.jwt = jwt;
    }

    public record ListedContact(String id, String name, long telegramId, String username, String profileType,
                                int totalScore, String stage, String stageChangedAt, String contactedAt,
                                String repliedAt, Long daysWaiting, String followUpDueAt, String followUpStatus,
                                String notNowUntil, List<String> tags, String claimedBy, String claimedUntil) {
        static ListedContact of(ContactListService.Item item, String now) {
            Row r = item.lead();
            boolean claimed = r.claimedBy() != null && r.claimedUntil() != null && r.claimedUntil().compareTo(now) > 0;
            return new ListedContact(r.id(), r.name(), r.telegramId(), r.username(), r.profileType(), r.totalScore(),
                    r.stage(), r.stageChangedAt(), r.contactedAt(), r.repliedAt(), item.daysWaiting(),
                    r.followUpDueAt(), r.followUpStatus(), r.notNowUntil(), r.tags(),
                    claimed ? r.claimedBy() : null, claimed ? r.claimedUntil() : null);
        }
    }

    public record ListAnswer(List<ListedContact> contacts, long filteredCount, int limit, long offset, String sort) {
    }

    @GET
    @Path("/contacts")
    public Uni<ListAnswer> list(@QueryParam("stage") String stage, @QueryParam("tag") String tag,
                                @QueryParam("q") String q, @QueryParam("awaiting_reply") String awaitingReply,
                                @QueryParam("follow_up_due") String followUpDue, @QueryParam("owner") String owner,
                                @QueryParam("sort") String sort, @QueryParam("limit") String limit,
                                @QueryParam("offset") String offset) {
        boolean awaiting = bool("awaiting_reply", awaitingReply);
        boolean due = bool("follow_up_due", followUpDue);
        if (q != null && q.length() > MAX_Q) {
            throw ProblemException.invalid("invalid_parameter", "q", "is at most " + MAX_Q + " characters");
        }
        Sort order = sort(sort, awaiting ? Sort.WAITING : due ? Sort.DUE : Sort.SCORE);
        ListQuery query = new ListQuery(stages(stage), tag == null || tag.isEmpty() ? null : LeadNoteService.tag("tag", tag),
                q, awaiting, due, mine(owner), order,
                Params.integer("offset", offset, 0, 0, MAX_OFFSET),
                (int) Params.integer("limit", limit, config.defaultLimit(), 1, config.maxLimit()));
        String now = com.scopelock.outreach.api.graph.GraphTime.format(java.time.Instant.now());
        return lists.list(query).map(page -> new ListAnswer(page.contacts().stream()
                .map(item -> ListedContact.of(item, now)).toList(), page.filteredCount(), query.limit(),
                query.offset(), order.word()));
    }

    private String mine(String owner) {
        if (owner == null || owner.isEmpty() || owner.equals("anyone")) {
            return null;
        }
        if (owner.equals("me")) {
            return jwt.getSubject();
        }
        throw ProblemException.invalid("invalid_parameter", "owner", "must be me or anyone, got '" + Problems.quote(owner, 40) + "'");
    }

    private static List<String> stages(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : raw.split(",", 20)) {
            String stage = s.strip();
            if (!Pipeline.isStage(stage)) {
                throw ProblemException.invalid("invalid_parameter", "stage", "must be stages from "
                        + String.join(", ", Pipeline.STAGES) + " (comma-separated), got '" + Problems.quote(stage, 40) + "'");
            }
            if (!out.contains(stage)) {
                out.add(stage);
            }
        }
        return out;
    }

    private static Sort sort(String raw, Sort fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        return Arrays.stream(Sort.values()).filter(s -> s.word().equals(raw.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> ProblemException.invalid("invalid_parameter", "sort", "must be one of "
                        + Arrays.stream(Sort.values()).map(Sort::word).toList() + ", got '" + Problems.quote(raw, 40) + "'"));
    }

    private static boolean bool(String name, String raw) {
        if (raw == null || raw.isEmpty() || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw ProblemException.invalid("invalid_parameter", name, "must be true or false, got '" + Problems.quote(raw, 40) + "'");
    }
}
