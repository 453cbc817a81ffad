package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.TestKafka;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.MessageRepository;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.ReplyLabeled;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.rules.Slugs;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Analytics on the real FalkorDB and Kafka: a known history (two members, two variants plus the template, sends
 * across two weeks, replies with labels through Kafka, members' corrections through the REST endpoint) and every
 * figure checked against values this test computes itself — outcomes from its own script, Wilson bounds as the
 * roots of the score quadratic, the z-test's p-value by numerical integration of the normal density.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIT {
    static final String ANA = "ana-analytics";
    static final String BEN = "ben-analytics";
    /** A window no other test writes into (they send "now"). */
    static final LocalDate FIRST_DAY = LocalDate.parse("2025-03-03");
    static final String FROM = "2025-03-01";
    static final String TO = "2025-03-31";
    static final double Z = 1.959963984540054;

    static final String LEAD = "MERGE (c:U4_Contact_Lead {telegram_id: $id}) SET c.slug = $slug, c.name = 'Lead ' + $slug, "
            + "c.outreach_status = 'pending', c.profile_type = $profile, c.supervisor_score = 1, c.hustler_score = 2, "
            + "c.total_score = 3, c.top_signals = '[]', c.sample_messages = '[]', c.matching_messages = '[]', c.analysis_data = '{}'";

    @Inject
    FalkorGraphClient graph;
    @Inject
    MessageRepository messages;

    /** One reply as scripted: minutes after the send, the generator's label, and the member's correction (or null). */
    record Reply(long minutes, String sentiment, String intent, String corrected) {
        String finalIntent() {
            return corrected != null ? corrected : intent;
        }

        String finalSentiment() {
            return corrected == null ? sentiment : switch (corrected) {
                case "interested" -> "positive";
                case "not_interested", "unsubscribe" -> "negative";
                default -> "neutral";
            };
        }
    }

    record Send(long telegramId, String owner, String variant, String generatedBy, String hook, String profile,
                Instant sentAt, List<Reply> replies) {
        String slug() {
            return "contact-analytics-" + telegramId;
        }
    }

    /** The outcome as this test defines it: opt-out first, then positive, then negative. */
    static String outcome(Send s) {
        if (s.replies().isEmpty()) {
            return "none";
        }
        if (s.replies().stream().anyMatch(r -> r.finalIntent().equals("unsubscribe"))) {
            return "unsubscribed";
        }
        if (s.replies().stream().anyMatch(r -> r.finalIntent().equals("interested") || r.finalIntent().equals("question"))) {
            return "positive";
        }
        if (s.replies().stream().anyMatch(r -> r.finalIntent().equals("not_interested") || r.finalSentiment().equals("negative"))) {
            return "negative";
        }
        return "replied";
    }

    final List<Send> history = new ArrayList<>();

    /** 46 sends: variant concise / warm / template, two members, two weeks, replies of every kind, corrections. */
    private void script() {
        String[][] replyScripts = {
                {},
                {"positive", "interested"},
                {"neutral", "question"},
                {"negative", "not_interested"},
                {"negative", "unsubscribe"},
                {"neutral", "later"},
                {"positive", "interested", "corrected:not_interested"},
                {"negative", "not_interested", "corrected:interested"},
                {"neutral", "other", "corrected:unsubscribe"},
                {"neutral", "question", "then:negative:unsubscribe"},
                {"neutral", "out_of_office", "then:positive:interested"},
                {"neutral", "other"},
        };
        long id = 7_300_000_000L;
        for (int i = 0; i < 46; i++) {
            String owner = i % 3 == 0 ? BEN : ANA;
            String variant = i % 7 == 6 ? "template" : i % 2 == 0 ? "concise" : "warm";
            String generatedBy = variant.equals("template") ? "generic-template" : "maya";
            String hook = variant.equals("template") ? null : i % 4 == 0 ? "supervisor" : "hustler";
            String profile = i % 5 == 0 ? "supervisor" : i % 5 == 1 ? "both" : "hustler";
            Instant sentAt = FIRST_DAY.plusDays(i % 11).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3_600L * (i % 9));
            // concise gets more interest than warm, so the comparison has something to say
            String[] script = replyScripts[variant.equals("concise") ? (i * 5) % replyScripts.length : (i * 7) % replyScripts.length];
            List<Reply> replies = new ArrayList<>();
            if (script.length > 0) {
                long minutes = 17L * (i + 1);
                String corrected = null;
                String[] then = null;
                for (int k = 2; k < script.length; k++) {
                    if (script[k].startsWith("corrected:")) {
                        corrected = script[k].substring("corrected:".length());
                    } else if (script[k].startsWith("then:")) {
                        then = script[k].substring("then:".length()).split(":");
                    }
                }
                replies.add(new Reply(minutes, script[0], script[1], corrected));
                if (then != null) {
                    replies.add(new Reply(minutes + 45, then[0], then[1], null));
                }
            }
            history.add(new Send(id + i, owner, variant, generatedBy, hook, profile, sentAt, replies));
        }
    }

    private boolean built;

    /** Once per class, before the first test (RestAssured's port is set for test methods, not for @BeforeAll). */
    @BeforeEach
    void buildHistory() {
        if (built) {
            return;
        }
        built = true;
        script();
        Duration wait = Duration.ofSeconds(10);
        for (Send s : history) {
            graph.write(LEAD, Map.of("id", s.telegramId(), "slug", s.slug(), "profile", s.profile())).await().atMost(wait);
            String messageSlug = Slugs.message(s.slug());
            messages.create(new MessageRepository.NewMessage(messageSlug, s.slug(), s.owner(), "Hello " + s.telegramId(),
                    "{}", s.generatedBy(), null, "corr-" + s.telegramId(), s.sentAt().minusSeconds(600), s.variant(),
                    s.variant().equals("template") ? null : "exp-analytics", s.hook())).await().atMost(wait);
            messages.markSent(s.slug(), messageSlug, s.owner(), s.sentAt()).await().atMost(wait);
        }
        // an unsent draft and a message sent outside the window: neither may count
        Send draft = new Send(7_300_000_900L, ANA, "concise", "maya", "hustler", "hustler", null, List.of());
        graph.write(LEAD, Map.of("id", draft.telegramId(), "slug", draft.slug(), "profile", "hustler")).await().atMost(wait);
        messages.create(new MessageRepository.NewMessage(Slugs.message(draft.slug()), draft.slug(), ANA, "draft", "{}", "maya",
                null, "corr-draft", FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC), "concise", "exp-analytics", "hustler"))
                .await().atMost(wait);
        Send april = new Send(7_300_000_901L, ANA, "concise", "maya", "hustler", "hustler", null, List.of());
        graph.write(LEAD, Map.of("id", april.telegramId(), "slug", april.slug(), "profile", "hustler")).await().atMost(wait);
        String aprilMessage = Slugs.message(april.slug());
        messages.create(new MessageRepository.NewMessage(aprilMessage, april.slug(), ANA, "april", "{}", "maya", null,
                "corr-april", Instant.parse("2025-04-02T10:00:00Z"), "concise", "exp-analytics", "hustler")).await().atMost(wait);
        messages.markSent(april.slug(), aprilMessage, ANA, Instant.parse("2025-04-02T10:05:00Z")).await().atMost(wait);

        // replies through Kafka (the real consumer links each to the sent message), then their labels
        Map<String, ReplyDetected> detected = new LinkedHashMap<>();
        long expectedReplied = history.stream().filter(s -> !s.replies().isEmpty()).count();
        for (Send s : history) {
            for (int k = 0; k < s.replies().size(); k++) {
                Reply r = s.replies().get(k);
                ReplyDetected reply = ReplyDetected.of(s.owner(), WatchRequested.conversationId(s.telegramId(), s.owner()),
                        s.telegramId(), 100 + k, "reply " + k, s.sentAt().plusSeconds(60 * r.minutes()), Instant.now());
                TestKafka.send(Topics.REPLIES, reply.key(), JsonCodec.encode(reply));
                detected.put(s.telegramId() + "/" + k, reply);
            }
        }
        InboxIT.await("every reply linked", () -> team("variant").getLong("total.replied") == expectedReplied);
        for (Send s : history) {
            for (int k = 0; k < s.replies().size(); k++) {
                Reply r = s.replies().get(k);
                ReplyLabeled label = ReplyLabeled.of(detected.get(s.telegramId() + "/" + k), r.sentiment(), r.intent(),
                        ReplyLabeled.BY_RULES, Instant.now());
                TestKafka.send(Topics.REPLY_LABELS, label.key(), JsonCodec.encode(label));
            }
        }
        Expected raw = expected(history.stream().map(AnalyticsIT::uncorrected).toList());
        InboxIT.await("every label stored", () -> {
            JsonPath t = team("variant");
            return t.getLong("total.positive") == raw.positive() && t.getLong("total.negative") == raw.negative()
                    && t.getLong("total.unsubscribed") == raw.unsubscribed();
        });
        // and the members' corrections through the endpoint
        for (Send s : history) {
            for (int k = 0; k < s.replies().size(); k++) {
                Reply r = s.replies().get(k);
                if (r.corrected() != null) {
                    String replyId = Slugs.reply(WatchRequested.conversationId(s.telegramId(), s.owner()), 100 + k);
                    given().header("Authorization", TestJwt.bearer(s.owner())).contentType(ContentType.JSON)
                            .body(Map.of("intent", r.corrected())).put("/api/outreach/replies/" + replyId + "/label")
                            .then().statusCode(200);
                }
            }
        }
    }

    /** The send as the generator labelled it, before any member's correction. */
    private static Send uncorrected(Send s) {
        List<Reply> raw = s.replies().stream().map(r -> new Reply(r.minutes(), r.sentiment(), r.intent(), null)).toList();
        return new Send(s.telegramId(), s.owner(), s.variant(), s.generatedBy(), s.hook(), s.profile(), s.sentAt(), raw);
    }

    static JsonPath analytics(String bearer, String query) {
        return analytics(bearer, query, "");
    }

    static JsonPath analytics(String bearer, String query, String sub) {
        String body = given().header("Authorization", bearer).get("/api/outreach/analytics" + sub + "?" + query)
                .then().statusCode(200).extract().asString();
        // doubles as doubles (rest-assured's default reads them as floats)
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static JsonPath team(String groupBy) {
        return analytics(TestJwt.bearer(ANA), "owner=team&from=" + FROM + "&to=" + TO + "&group_by=" + groupBy);
    }

    // ------------------------------------------------------------------------------- independent arithmetic

    /** The Wilson bounds as the two roots of (1 + z²/n)·p² − (2p̂ + z²/n)·p + p̂² = 0. */
    static double[] wilsonRoots(long k, long n) {
        double ph = (double) k / n;
        double a = 1 + Z * Z / n;
        double b = -(2 * ph + Z * Z / n);
        double c = ph * ph;
        double disc = Math.sqrt(b * b - 4 * a * c);
        return new double[]{(-b - disc) / (2 * a), (-b + disc) / (2 * a)};
    }

    /** Two-sided p-value: 1 − 2·∫₀^|z| φ(t) dt by Simpson's rule. */
    static double pValue(double z) {
        int steps = 20_000;
        double h = Math.abs(z) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double t = i * h;
            double f = Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
            sum += (i == 0 || i == steps) ? f : (i % 2 == 1 ? 4 * f : 2 * f);
        }
        return 1 - 2 * sum * h / 3;
    }

    static long medianSeconds(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    record Expected(long sent, long replied, long positive, long negative, long unsubscribed, List<Long> waits) {
    }

    static Map<String, Expected> expected(List<Send> sends, Function<Send, String> key) {
        Map<String, List<Send>> groups = new TreeMap<>();
        sends.forEach(s -> groups.computeIfAbsent(key.apply(s), k -> new ArrayList<>()).add(s));
        Map<String, Expected> out = new TreeMap<>();
        groups.forEach((k, list) -> out.put(k, expected(list)));
        return out;
    }

    static Expected expected(List<Send> list) {
        long replied = 0, positive = 0, negative = 0, unsubscribed = 0;
        List<Long> waits = new ArrayList<>();
        for (Send s : list) {
            String o = outcome(s);
            if (!o.equals("none")) {
                replied++;
                waits.add(60 * s.replies().stream().mapToLong(Reply::minutes).min().orElseThrow());
            }
            positive += o.equals("positive") ? 1 : 0;
            negative += o.equals("negative") ? 1 : 0;
            unsubscribed += o.equals("unsubscribed") ? 1 : 0;
        }
        return new Expected(list.size(), replied, positive, negative, unsubscribed, waits);
    }

    static void assertFigures(String where, Expected e, Map<String, Object> got) {
        assertEquals(e.sent(), ((Number) got.get("sent")).longValue(), where + " sent");
        assertEquals(e.replied(), ((Number) got.get("replied")).longValue(), where + " replied");
        assertEquals(e.positive(), ((Number) got.get("positive")).longValue(), where + " positive");
        assertEquals(e.negative(), ((Number) got.get("negative")).longValue(), where + " negative");
        assertEquals(e.unsubscribed(), ((Number) got.get("unsubscribed")).longValue(), where + " unsubscribed");
        assertEquals((double) e.replied() / e.sent(), ((Number) got.get("reply_rate")).doubleValue(), 1e-12, where + " reply_rate");
        assertEquals((double) e.positive() / e.sent(), ((Number) got.get("positive_rate")).doubleValue(), 1e-12, where + " positive_rate");
        double[] reply = wilsonRoots(e.replied(), e.sent());
        double[] positive = wilsonRoots(e.positive(), e.sent());
        assertEquals(Math.max(0, reply[0]), ((Number) got.get("reply_rate_low")).doubleValue(), 1e-9, where + " reply_rate_low");
        assertEquals(Math.min(1, reply[1]), ((Number) got.get("reply_rate_high")).doubleValue(), 1e-9, where + " reply_rate_high");
        assertEquals(Math.max(0, positive[0]), ((Number) got.get("positive_rate_low")).doubleValue(), 1e-9, where + " positive_rate_low");
        assertEquals(Math.min(1, positive[1]), ((Number) got.get("positive_rate_high")).doubleValue(), 1e-9, where + " positive_rate_high");
        if (e.waits().isEmpty()) {
            assertNull(got.get("median_seconds_to_first_reply"), where + " median");
        } else {
            assertEquals(medianSeconds(e.waits()), ((Number) got.get("median_seconds_to_first_reply")).longValue(), where + " median");
        }
    }

    static void assertGroups(String where, Map<String, Expected> expected, JsonPath answer) {
        List<Map<String, Object>> groups = answer.getList("groups");
        assertEquals(new ArrayList<>(expected.keySet()), groups.stream().map(g -> (String) g.get("key")).toList(), where + " keys");
        for (Map<String, Object> g : groups) {
            assertFigures(where + " " + g.get("key"), expected.get((String) g.get("key")), g);
        }
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void theHistoryHasEveryKindOfOutcome() {
        Map<String, Long> kinds = new TreeMap<>();
        history.forEach(s -> kinds.merge(outcome(s), 1L, Long::sum));
        assertEquals(List.of("negative", "none", "positive", "replied", "unsubscribed"), new ArrayList<>(kinds.keySet()), kinds.toString());
        assertTrue(history.stream().anyMatch(s -> s.replies().stream().anyMatch(r -> r.corrected() != null)));
    }

    @Test
    void teamFiguresPerGroupMatchTheScript() {
        assertGroups("variant", expected(history, Send::variant), team("variant"));
        assertGroups("member", expected(history, Send::owner), team("member"));
        assertGroups("hook_type", expected(history, s -> s.hook() == null ? "none" : s.hook()), team("hook_type"));
        assertGroups("profile_type", expected(history, Send::profile), team("profile_type"));
        assertGroups("generated_by", expected(history, Send::generatedBy), team("generated_by"));
        assertGroups("week", expected(history, s -> {
            LocalDate d = s.sentAt().atZone(ZoneOffset.UTC).toLocalDate();
            return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }), team("week"));
        JsonPath t = team("variant");
        assertFigures("team total", expected(history), t.getMap("total"));
        assertEquals("team", t.getString("owner"));
    }

    @Test
    void personalFiguresCountOnlyTheCallersSends() {
        for (String member : List.of(ANA, BEN)) {
            List<Send> own = history.stream().filter(s -> s.owner().equals(member)).toList();
            JsonPath mine = analytics(TestJwt.bearer(member), "from=" + FROM + "&to=" + TO + "&group_by=variant");
            assertEquals("me", mine.getString("owner"));
            assertEquals(member, mine.getString("member"));
            assertGroups(member + " variant", expected(own, Send::variant), mine);
            assertFigures(member + " total", expected(own), mine.getMap("total"));
        }
    }

    @Test
    void correctedLabelsCountAsCorrected() {
        // the script's corrections change outcomes: without them the figures would differ
        Expected before = expected(history.stream().map(AnalyticsIT::uncorrected).toList());
        Expected after = expected(history);
        assertTrue(before.unsubscribed() != after.unsubscribed(), "the corrections must move the counts for this test to mean anything");
        JsonPath t = team("variant");
        assertEquals(after.positive(), t.getLong("total.positive"));
        assertEquals(after.negative(), t.getLong("total.negative"));
        assertEquals(after.unsubscribed(), t.getLong("total.unsubscribed"));
    }

    @Test
    void theDateWindowFiltersOnTheSendTime() {
        Instant cut = FIRST_DAY.plusDays(5).atStartOfDay().toInstant(ZoneOffset.UTC);
        List<Send> early = history.stream().filter(s -> s.sentAt().isBefore(cut)).toList();
        JsonPath a = analytics(TestJwt.bearer(ANA), "owner=team&group_by=member&from=" + FROM + "&to=" + cut);
        assertFigures("before " + cut, expected(early), a.getMap("total"));
        JsonPath april = analytics(TestJwt.bearer(ANA), "group_by=variant&from=2025-04-01&to=2025-04-30");
        assertEquals(1, april.getLong("total.sent"));
        assertEquals(0, april.getLong("total.replied"));
    }

    @Test
    void variantsAreComparedWithATwoProportionTest() {
        JsonPath t = team("variant");
        Map<String, Expected> e = expected(history, Send::variant);
        List<Map<String, Object>> comparisons = t.getList("comparisons");
        assertEquals(6, comparisons.size(), "three variants → three pairs × two metrics");
        for (Map<String, Object> c : comparisons) {
            Expected a = e.get((String) c.get("a"));
            Expected b = e.get((String) c.get("b"));
            boolean positive = c.get("metric").equals("positive_rate");
            long ka = positive ? a.positive() : a.replied();
            long kb = positive ? b.positive() : b.replied();
            double pa = (double) ka / a.sent(), pb = (double) kb / b.sent();
            double pooled = (double) (ka + kb) / (a.sent() + b.sent());
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / a.sent() + 1.0 / b.sent()));
            double z = se == 0 ? 0 : (pa - pb) / se;
            String where = c.get("metric") + " " + c.get("a") + "/" + c.get("b");
            assertEquals(z, ((Number) c.get("z")).doubleValue(), 1e-9, where + " z");
            double p = se == 0 ? 1 : pValue(z);
            assertEquals(p, ((Number) c.get("p_value")).doubleValue(), 1e-6, where + " p");
            assertEquals(p < 0.05, c.get("significant"), where + " significant");
            if (pa == pb) {
                assertNull(c.get("sends_needed_per_group"), where + ": no difference, no sample size");
                assertNull(c.get("more_sends_needed"), where);
            } else {
                double mean = (pa + pb) / 2;
                long n = (long) Math.ceil(Math.pow(Z * Math.sqrt(2 * mean * (1 - mean))
                        + 0.8416212335729143 * Math.sqrt(pa * (1 - pa) + pb * (1 - pb)), 2) / Math.pow(pa - pb, 2));
                assertEquals(n, ((Number) c.get("sends_needed_per_group")).longValue(), where + " sends needed");
                assertEquals(Math.max(0, n - a.sent()) + Math.max(0, n - b.sent()), ((Number) c.get("more_sends_needed")).longValue(),
                        where + " more sends");
            }
            String verdict = (String) c.get("verdict");
            assertNotNull(verdict);
            if (p >= 0.05 && c.get("more_sends_needed") != null) {
                assertTrue(verdict.contains("not yet significant") && verdict.contains(c.get("more_sends_needed") + " more sends"), verdict);
            }
            if (p < 0.05) {
                assertTrue(verdict.contains("significant at 95 %"), verdict);
            }
        }
        // the script has both: one real difference (reply rate, concise against warm) and differences not yet shown
        assertTrue(comparisons.stream().anyMatch(c -> (Boolean) c.get("significant")), "one significant difference");
        assertTrue(comparisons.stream().anyMatch(c -> !(Boolean) c.get("significant") && c.get("more_sends_needed") != null),
                "one difference that needs more sends");
        assertTrue(team("member").getList("comparisons").isEmpty(), "only variants are compared");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        String ana = TestJwt.bearer(ANA);
        for (String[] bad : new String[][]{
                {"group_by=colour", "group_by"}, {"owner=everyone", "owner"}, {"from=yesterday", "from"},
                {"to=2025-13-01", "to"}, {"from=2025-03-10&to=2025-03-01", "to"}, {"from=1900-01-01", "from"}}) {
            given().header("Authorization", ana).get("/api/outreach/analytics?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("invalid_parameter"))
                    .body("errors[0].field", equalTo(bad[1]));
        }
        given().get("/api/outreach/analytics").then().statusCode(401);
    }

    static final String SET_STAGE = "MATCH (c:U4_Contact_Lead {slug: $slug}) SET c.outreach_status = $stage";

    @Test
    void theFunnelCountsEveryLeadUpToItsStage() {
        // members moved some leads on (the stage endpoint's write, done here directly)
        String[] moved = {null, "interested", null, "call_booked", null, "joined", null, "rejected", null, "not_now"};
        for (int i = 0; i < history.size(); i++) {
            if (moved[i % moved.length] != null) {
                graph.write(SET_STAGE, Map.of("slug", history.get(i).slug(), "stage", moved[i % moved.length]))
                        .await().atMost(Duration.ofSeconds(5));
            }
        }
        List<String> path = List.of("contacted", "replied", "interested", "call_booked", "joined");
        Map<String, long[]> reached = new LinkedHashMap<>();
        reached.put("team", new long[5]);
        reached.put(ANA, new long[5]);
        reached.put(BEN, new long[5]);
        Map<String, Long> now = new TreeMap<>();
        for (Send s : history) {
            String stage = given().header("Authorization", TestJwt.bearer(ANA)).get("/api/outreach/contacts/" + s.slug())
                    .then().statusCode(200).extract().jsonPath().getString("outreach_status");
            now.merge(stage, 1L, Long::sum);
            int step = Math.max(0, path.indexOf(stage));
            if (!s.replies().isEmpty()) {
                step = Math.max(step, 1);
            }
            for (int k = 0; k <= step; k++) {
                reached.get("team")[k]++;
                reached.get(s.owner())[k]++;
            }
        }
        for (String who : List.of("team", ANA, BEN)) {
            JsonPath f = analytics(TestJwt.bearer(who.equals("team") ? ANA : who),
                    "from=" + FROM + "&to=" + TO + (who.equals("team") ? "&owner=team" : ""), "/funnel");
            long[] r = reached.get(who);
            for (int k = 0; k < path.size(); k++) {
                assertEquals(path.get(k), f.getString("steps[" + k + "].stage"));
                assertEquals(r[k], f.getLong("steps[" + k + "].leads"), who + " " + path.get(k));
                assertEquals((double) r[k] / r[0], f.getDouble("steps[" + k + "].share_of_contacted"), 1e-6, who + " share");
                if (k > 0 && r[k - 1] > 0) {
                    assertEquals((double) r[k] / r[k - 1], f.getDouble("steps[" + k + "].share_of_previous"), 1e-6, who + " step");
                }
            }
            if (who.equals("team")) {
                now.forEach((stage, n) -> assertEquals(n, f.getLong("stages_now." + stage), "now " + stage));
                assertEquals(history.size(), f.getLong("steps[0].leads"), "the draft and the April send do not count");
            }
        }
    }
}
