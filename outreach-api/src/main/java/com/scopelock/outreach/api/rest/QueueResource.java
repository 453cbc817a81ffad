package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.config.QueueConfig;
import com.scopelock.outreach.api.graph.LeadRepository;
import com.scopelock.outreach.api.service.QueueQuery;
import com.scopelock.outreach.api.service.QueueService;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.rules.Vocabulary;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import org.eclipse.microprofile.jwt.JsonWebToken;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

@Path("/api/outreach")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    private static final long MAX_OFFSET = 10_000_000;

    private final QueueService queue;
    private final LeadRepository leads;
    private final QueueConfig config;
    private final JsonWebToken jwt;

    public QueueResource(QueueService queue, LeadRepository leads, QueueConfig config, JsonWebToken jwt) {
        this.queue = queue;
        this.leads = leads;
        this.config = config;
        this.jwt = jwt;
    }

    public record QueueAnswer(List<LeadRepository.QueueLead> contacts, long totalCount, long filteredCount,
                              int limit, long offset) {
    }

    /**
     * Pending leads, best total score first; {@code total_count} counts the whole queue (claimed leads included),
     * {@code filtered_count} the matches the caller can page through. {@code show_claimed} (default false) also
     * shows leads claimed by other members; the caller's own claims are always shown.
     */
    @GET
    @Path("/queue")
    public Uni<Response> queue(@QueryParam("profile_type") String profileType, @QueryParam("min_score") String minScore,
                               @QueryParam("limit") String limit, @QueryParam("offset") String offset,
                               @QueryParam("show_claimed") String showClaimed) {
        QueueQuery query;
        try {
            query = new QueueQuery(profileTypes(profileType),
                    (int) integer("min_score", minScore, 0, 0, QueueService.MAX_TOTAL_SCORE),
                    (int) integer("limit", limit, config.defaultLimit(), 1, config.maxLimit()),
                    integer("offset", offset, 0, 0, MAX_OFFSET), jwt.getSubject(), bool("show_claimed", showClaimed));
        } catch (BadParameter e) {
            throw ProblemException.invalid("invalid_parameter", e.parameter, e.getMessage());
        }
        return queue.page(query).map(page -> Response.ok(new QueueAnswer(page.contacts(), page.totalCount(),
                page.filteredCount(), query.limit(), query.offset())).build());
    }

    @GET
    @Path("/contacts/{id}")
    public Uni<Response> contact(@PathParam("id") String id) {
        return leads.bySlug(id).map(found -> found
                .map(detail -> Response.ok(ContactAnswer.of(detail)).build())
                .orElseThrow(() -> ProblemException.of(404, "contact_not_found", "no contact " + id)));
    }

    /** "supervisor" or a comma-separated list ("supervisor,both"); empty = any. */
    private static List<String> profileTypes(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> types = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String type = part.strip();
            if (!Vocabulary.PROFILE_TYPES.contains(type)) {
                throw new BadParameter("profile_type", "must be one or more of " + Vocabulary.PROFILE_TYPES.stream().sorted().toList()
                        + ", separated by commas");
            }
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        return types;
    }

    private static boolean bool(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadParameter(name, "must be true or false, got '" + raw + "'");
        };
    }

    private static long integer(String name, String raw, long fallback, long min, long max) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, "must be an integer, got '" + com.scopelock.outreach.problems.Problems.quote(raw, 100) + "'");
        }
        if (value < min || value > max) {
            throw new BadParameter(name, "must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    private static final class BadParameter extends RuntimeException {
        final String parameter;

        BadParameter(String parameter, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
        }
    }
}
