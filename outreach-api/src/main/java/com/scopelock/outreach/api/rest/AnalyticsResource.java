package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.service.analytics.AnalyticsService;
import com.scopelock.outreach.api.service.analytics.Funnel;
import com.scopelock.outreach.api.service.analytics.GroupBy;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /api/outreach/analytics?group_by=&from=&to=&owner=me|team}: outcomes of sent messages per group
 * (see {@link AnalyticsService}). {@code from}/{@code to} are UTC dates (both inclusive) or ISO-8601 instants
 * ({@code to} exclusive), filtering on when the message was sent; {@code owner=me} (default) counts the caller's
 * messages, {@code team} every member's.
 */
@Path("/api/outreach/analytics")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final AnalyticsService analytics;
    private final JsonWebToken jwt;

    public AnalyticsResource(AnalyticsService analytics, JsonWebToken jwt) {
        this.analytics = analytics;
        this.jwt = jwt;
    }

    public record Answer(String groupBy, String owner, String member, String from, String to,
                         List<AnalyticsService.Figures> groups, AnalyticsService.Figures total,
                         List<AnalyticsService.Comparison> comparisons) {
    }

    @GET
    public Uni<Answer> analytics(@QueryParam("group_by") String groupBy, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("owner") String owner) {
        GroupBy group = groupBy == null || groupBy.isEmpty() ? GroupBy.VARIANT : GroupBy.of(groupBy).orElseThrow(() ->
                invalid("group_by", "must be one of " + GroupBy.names() + ", got '" + Problems.quote(groupBy, 100) + "'"));
        AnalyticsService.Query q = query(group, from, to, owner);
        String member = jwt.getSubject();
        return analytics.report(q).map(r -> new Answer(group.name, q.owner() == null ? "team" : "me", member,
                q.from().toString(), q.to().toString(), r.groups(), r.total(), r.comparisons()));
    }

    public record FunnelAnswer(String owner, String member, String from, String to, List<Funnel.Step> steps,
                               java.util.Map<String, Long> stagesNow) {
    }

    /** The pipeline funnel over the leads sent a message in the window ({@link Funnel}). */
    @GET
    @Path("/funnel")
    public Uni<FunnelAnswer> funnel(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("owner") String owner) {
        AnalyticsService.Query q = query(GroupBy.VARIANT, from, to, owner);
        String member = jwt.getSubject();
        return analytics.funnel(q).map(f -> new FunnelAnswer(q.owner() == null ? "team" : "me", member,
                q.from().toString(), q.to().toString(), f.steps(), f.now()));
    }

    private AnalyticsService.Query query(GroupBy group, String from, String to, String owner) {
        boolean team = switch (owner == null || owner.isEmpty() ? "me" : owner) {
            case "me" -> false;
            case "team" -> true;
            default -> throw invalid("owner", "must be me or team, got '" + Problems.quote(owner, 100) + "'");
        };
        Instant start = instant("from", from, false, EARLIEST);
        Instant end = instant("to", to, true, Instant.now().plus(1, ChronoUnit.DAYS));
        if (!start.isBefore(end)) {
            throw invalid("to", "must be after from (" + start + "), got " + end);
        }
        return new AnalyticsService.Query(group, team ? null : jwt.getSubject(), start, end);
    }

    /** A date (a {@code to} date means the end of that day) or an instant. */
    private static Instant instant(String name, String raw, boolean end, Instant fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            Instant value = raw.length() == 10 ? AnalyticsService.startOf(LocalDate.parse(raw).plusDays(end ? 1 : 0))
                    : Instant.parse(raw);
            if (value.isBefore(EARLIEST) || value.isAfter(Instant.parse("2200-01-01T00:00:00Z"))) {
                throw invalid(name, "must be from 2000 to 2200, got " + value);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date (2026-12-01) or an ISO-8601 instant (2026-12-01T10:00:00Z), got '"
                    + Problems.quote(raw, 100) + "'");
        }
    }

    private static ProblemException invalid(String parameter, String message) {
        return ProblemException.invalid("invalid_parameter", parameter, message);
    }
}
