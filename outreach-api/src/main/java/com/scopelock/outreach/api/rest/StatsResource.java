package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.graph.StatsRepository;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/outreach/stats}: the caller's own figures for the dashboard — leads contacted, conversations
 * with a reply, the reply rate, replies today, contacts/replies per day for the last 14 days (UTC days), and how
 * many reply labels the member corrected.
 */
@Path("/api/outreach/stats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {
    static final int DAYS = 14;

    private final StatsRepository stats;
    private final JsonWebToken jwt;
    private final Clock clock = Clock.systemUTC();

    public StatsResource(StatsRepository stats, JsonWebToken jwt) {
        this.stats = stats;
        this.jwt = jwt;
    }

    public record Day(String date, long contacted, long replies) {
    }

    /** {@code corrections}: reply labels the member corrected. */
    public record Stats(long contacted, long replied, Double replyRate, long repliesToday, List<Day> perDay,
                        long corrections) {
    }

    @GET
    public Uni<Stats> stats() {
        String owner = jwt.getSubject();
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(DAYS - 1);
        String since = first.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        return Uni.combine().all().unis(stats.contactedAt(owner), stats.repliesSince(owner, since), stats.replied(owner),
                        stats.corrections(owner))
                .asTuple().map(t -> {
                    Map<String, long[]> days = new LinkedHashMap<>();
                    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                        days.put(d.toString(), new long[2]);
                    }
                    t.getItem1().forEach(at -> count(days, at, 0));
                    t.getItem2().forEach(at -> count(days, at, 1));
                    List<Day> perDay = new ArrayList<>();
                    days.forEach((date, n) -> perDay.add(new Day(date, n[0], n[1])));
                    long contacted = t.getItem1().size();
                    long replied = t.getItem3();
                    Double rate = contacted == 0 ? null : Math.min(1.0, (double) replied / contacted);
                    return new Stats(contacted, replied, rate, days.get(today.toString())[1], perDay, t.getItem4());
                });
    }

    private static void count(Map<String, long[]> days, String instant, int column) {
        if (instant != null && instant.length() >= 10) {
            long[] day = days.get(instant.substring(0, 10));
            if (day != null) {
                day[column]++;
            }
        }
    }
}
