package com.scopelock.outreach.api.service.analytics;

import com.scopelock.outreach.api.graph.AnalyticsRepository;
import com.scopelock.outreach.api.graph.AnalyticsRepository.GroupCounts;
import com.scopelock.outreach.api.graph.GraphTime;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reply analytics: counts from one graph query, then rates with 95 % Wilson intervals, the median time to the
 * first reply and, for variants, a two-proportion test between every pair that says whether a difference is
 * significant yet and roughly how many more sends it needs.
 */
@ApplicationScoped
public class AnalyticsService {
    static final double ALPHA = 0.05;

    private final AnalyticsRepository repository;

    public AnalyticsService(AnalyticsRepository repository) {
        this.repository = repository;
    }

    /** @param owner the member, or null for the team */
    public record Query(GroupBy groupBy, String owner, Instant from, Instant to) {
    }

    public record Figures(String key, long sent, long replied, long positive, long negative, long unsubscribed,
                          Double replyRate, Double replyRateLow, Double replyRateHigh,
                          Double positiveRate, Double positiveRateLow, Double positiveRateHigh,
                          Long medianSecondsToFirstReply) {
    }

    public record Comparison(String metric, String a, String b, double rateA, double rateB, double difference,
                             double z, double pValue, boolean significant, Long sendsNeededPerGroup,
                             Long moreSendsNeeded, String verdict) {
    }

    public record Report(List<Figures> groups, Figures total, List<Comparison> comparisons) {
    }

    public Uni<Report> report(Query q) {
        return repository.outcomes(q.owner(), q.groupBy().query, GraphTime.format(q.from()), GraphTime.format(q.to()))
                .map(rows -> build(q.groupBy(), rows));
    }

    /** The pipeline funnel over the leads sent a message in the window (groupBy is not used). */
    public Uni<Funnel.Report> funnel(Query q) {
        return repository.stages(q.owner(), GraphTime.format(q.from()), GraphTime.format(q.to())).map(Funnel::of);
    }

    static Report build(GroupBy groupBy, List<GroupCounts> rows) {
        List<GroupCounts> groups = groupBy == GroupBy.WEEK ? weeks(rows) : rows;
        List<Figures> figures = groups.stream().map(AnalyticsService::figures).toList();
        Figures total = figures(merge("total", groups));
        List<Comparison> comparisons = new ArrayList<>();
        if (groupBy == GroupBy.VARIANT) {
            for (int i = 0; i < figures.size(); i++) {
                for (int j = i + 1; j < figures.size(); j++) {
                    Figures a = figures.get(i);
                    Figures b = figures.get(j);
                    if (a.sent() > 0 && b.sent() > 0) {
                        comparisons.add(compare("reply_rate", a, a.replied(), b, b.replied()));
                        comparisons.add(compare("positive_rate", a, a.positive(), b, b.positive()));
                    }
                }
            }
        }
        return new Report(figures, total, comparisons);
    }

    static Figures figures(GroupCounts g) {
        Proportions.Interval reply = Proportions.wilson(g.replied(), g.sent(), Proportions.Z_95);
        Proportions.Interval positive = Proportions.wilson(g.positive(), g.sent(), Proportions.Z_95);
        return new Figures(g.key(), g.sent(), g.replied(), g.positive(), g.negative(), g.unsubscribed(),
                rate(g.replied(), g.sent()), reply == null ? null : reply.low(), reply == null ? null : reply.high(),
                rate(g.positive(), g.sent()), positive == null ? null : positive.low(),
                positive == null ? null : positive.high(), median(g.waits()));
    }

    static Comparison compare(String metric, Figures a, long ka, Figures b, long kb) {
        double ra = (double) ka / a.sent();
        double rb = (double) kb / b.sent();
        Proportions.Test test = Proportions.twoProportion(ka, a.sent(), kb, b.sent());
        boolean significant = test.significant(ALPHA);
        long perGroup = Proportions.sampleSizePerGroup(ra, rb);
        Long needed = perGroup < 0 ? null : perGroup;
        Long more = needed == null ? null : Math.max(0, needed - a.sent()) + Math.max(0, needed - b.sent());
        String verdict;
        if (significant) {
            verdict = String.format(Locale.ROOT, "%s: %s %s %s, significant at 95 %% (p = %.3f)", metric, a.key(),
                    ra > rb ? "beats" : "trails", b.key(), test.pValue());
        } else if (needed == null) {
            verdict = String.format(Locale.ROOT, "%s: no difference between %s and %s so far", metric, a.key(), b.key());
        } else {
            verdict = String.format(Locale.ROOT, "%s: %s vs %s not yet significant (p = %.3f); about %d more sends "
                    + "(%d per variant in all) would show a difference this size", metric, a.key(), b.key(),
                    test.pValue(), more, needed);
        }
        return new Comparison(metric, a.key(), b.key(), ra, rb, ra - rb, test.z(), test.pValue(), significant, needed,
                more, verdict);
    }

    private static Double rate(long k, long n) {
        return n == 0 ? null : (double) k / n;
    }

    /** Median seconds from sending to the first reply; a reply seen before the mark-sent counts as 0. */
    static Long median(List<String[]> waits) {
        List<Long> seconds = new ArrayList<>();
        for (String[] w : waits) {
            try {
                seconds.add(Math.max(0, Duration.between(Instant.parse(w[0]), Instant.parse(w[1])).toSeconds()));
            } catch (DateTimeParseException e) {
                // a timestamp the graph did not write in ISO-8601: left out of the median
            }
        }
        if (seconds.isEmpty()) {
            return null;
        }
        seconds.sort(null);
        int n = seconds.size();
        return n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
    }

    private static List<GroupCounts> weeks(List<GroupCounts> days) {
        Map<String, List<GroupCounts>> byWeek = new TreeMap<>();
        for (GroupCounts day : days) {
            LocalDate date = LocalDate.parse(day.key());
            String week = String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            byWeek.computeIfAbsent(week, k -> new ArrayList<>()).add(day);
        }
        List<GroupCounts> out = new ArrayList<>();
        byWeek.forEach((week, parts) -> out.add(merge(week, parts)));
        return out;
    }

    private static GroupCounts merge(String key, List<GroupCounts> parts) {
        long sent = 0, replied = 0, positive = 0, negative = 0, unsubscribed = 0;
        List<String[]> waits = new ArrayList<>();
        for (GroupCounts g : parts) {
            sent += g.sent();
            replied += g.replied();
            positive += g.positive();
            negative += g.negative();
            unsubscribed += g.unsubscribed();
            waits.addAll(g.waits());
        }
        return new GroupCounts(key, sent, replied, positive, negative, unsubscribed, waits);
    }

    /** The start of a UTC day, for {@code from}/{@code to} given as dates. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
