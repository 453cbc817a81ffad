package com.scopelock.outreach.auth;

import com.scopelock.outreach.auth.config.AuthConfig;
import com.scopelock.outreach.auth.service.LoginStore;
import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expiry (410), the global cap (429 + Retry-After, atomic under parallel starts), the per-member limits (live
 * logins, starts per minute) and too many wrong passwords, with short limits.
 */
@QuarkusTest
@TestProfile(QrLoginLimitsIT.ShortLimits.class)
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SimulatedTelegramTestResource.class, restrictToAnnotatedClass = false)
class QrLoginLimitsIT {
    static final String API = "/api/outreach/telegram";

    public static class ShortLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("telegram-auth.login-ttl", "5s", "telegram-auth.max-live-clients", "3",
                    "telegram-auth.max-password-attempts", "2", "telegram-auth.max-live-per-member", "2",
                    "telegram-auth.max-starts-per-minute", "4");
        }
    }

    /** The first request after boot is slow on a loaded machine (JWT, Redis connection): not on a 5 s clock. */
    @org.junit.jupiter.api.BeforeEach
    void warmUp() {
        given().header("Authorization", TestJwt.bearer("warm-up")).get(API + "/qr-check/NoSuchToken_0123456789abcdef")
                .then().statusCode(404);
    }

    private static String start(String bearer) {
        return given().header("Authorization", bearer).post(API + "/qr-start").then().statusCode(200)
                .body("expires_in", equalTo(5)).extract().path("token");
    }

    @Test
    void anUnscannedLoginExpiresWith410() throws InterruptedException {
        String eli = TestJwt.bearer("eli");
        String token = start(eli);
        given().header("Authorization", eli).get(API + "/qr-check/" + token).then().statusCode(200)
                .body("status", equalTo("pending"));
        Thread.sleep(5_600);
        given().header("Authorization", eli).get(API + "/qr-check/" + token).then().statusCode(410)
                .body("login_status", equalTo("expired")).body("detail", containsString("expired"));
        // still 404 for anyone else
        given().header("Authorization", TestJwt.bearer("fay")).get(API + "/qr-check/" + token).then()
                .statusCode(404);
        given().get("/q/metrics").then().body(containsString("telegram_auth_logins_total{outcome=\"expired\"}"));
    }

    @Test
    void theCapOfLiveClientsAnswers429WithRetryAfter() {
        String a = TestJwt.bearer("cap-a");
        String b = TestJwt.bearer("cap-b");
        String c = TestJwt.bearer("cap-c");
        String ta = start(a);
        String tb = start(b);
        String tc = start(c);
        String retryAfter = given().header("Authorization", TestJwt.bearer("cap-d")).post(API + "/qr-start")
                .then().statusCode(429).body("code", equalTo("too_many_logins")).extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 5, retryAfter);
        given().header("Authorization", a).delete(API + "/qr/" + ta).then().statusCode(204);
        // a slot is free again
        String td = start(TestJwt.bearer("cap-d"));
        cancel(b, tb);
        cancel(c, tc);
        cancel(TestJwt.bearer("cap-d"), td);
    }

    private static void cancel(String bearer, String token) {
        given().header("Authorization", bearer).delete(API + "/qr/" + token).then().statusCode(204);
    }

    /** Answers of {@code n} qr-starts sent at the same moment, one per bearer: status → tokens of the 200s. */
    private static List<Map.Entry<String, io.restassured.response.Response>> startAtOnce(List<String> bearers)
            throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Map.Entry<String, io.restassured.response.Response>> answers = new CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String bearer : bearers) {
                pool.submit(() -> {
                    go.await();
                    answers.add(Map.entry(bearer, given().header("Authorization", bearer).post(API + "/qr-start")));
                    return null;
                });
            }
            go.countDown();
        }
        return answers;
    }

    private static void cancelAll(List<Map.Entry<String, io.restassured.response.Response>> answers) {
        answers.stream().filter(e -> e.getValue().statusCode() == 200).forEach(e -> given()
                .header("Authorization", e.getKey()).delete(API + "/qr/" + e.getValue().jsonPath().getString("token")));
    }

    /** Before: the cap was checked before the login was registered, so parallel starts all passed it. */
    @Test
    void parallelStartsNeverExceedTheCap() throws InterruptedException {
        List<String> members = IntStream.range(0, 12).mapToObj(i -> TestJwt.bearer("crowd-" + i)).toList();
        var answers = startAtOnce(members);
        long admitted = answers.stream().filter(e -> e.getValue().statusCode() == 200).count();
        long refused = answers.stream().filter(e -> e.getValue().statusCode() == 429).count();
        cancelAll(answers);
        System.out.printf("[measured] 12 parallel starts with a cap of 3: %d admitted, %d refused%n", admitted, refused);
        assertTrue(admitted >= 1 && admitted <= 3, "the cap of 3 holds, admitted " + admitted);
        assertTrue(refused >= 9, "the others are refused with 429, refused " + refused);
    }

    /**
     * Before: 40 starts at once overflowed the Redis client's waiting queue (24) and 15 of them were answered 500.
     * Sent with java.net.http (RestAssured's client pool would queue them on the client side, never a real burst).
     */
    @Test
    void aBurstOfStartsIsAnsweredWithoutServerErrors() {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        var answers = IntStream.range(0, 60).mapToObj(i -> client.sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + API + "/qr-start"))
                        .header("Authorization", TestJwt.bearer("burst-" + i))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())).toList().stream()
                .map(java.util.concurrent.CompletableFuture::join).toList();
        Map<Integer, Long> statuses = new java.util.TreeMap<>();
        answers.forEach(a -> statuses.merge(a.statusCode(), 1L, Long::sum));
        answers.stream().filter(a -> a.statusCode() == 200).forEach(a -> given()
                .header("Authorization", a.request().headers().firstValue("Authorization").orElseThrow())
                .delete(API + "/qr/" + io.restassured.path.json.JsonPath.from(a.body()).getString("token")));
        System.out.printf("[measured] 60 starts at once with a cap of 3: %s%n", statuses);
        assertEquals(60, answers.size());
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 200 || s == 429), "only 200 and 429, got " + statuses);
    }

    /** Before: one member's parallel starts filled the cap and everybody else got 429. */
    @Test
    void oneMemberCannotFillTheCapForEveryoneElse() throws InterruptedException {
        String hog = TestJwt.bearer("hog");
        var answers = startAtOnce(java.util.Collections.nCopies(8, hog));
        long admitted = answers.stream().filter(e -> e.getValue().statusCode() == 200).count();
        assertTrue(admitted >= 1 && admitted <= 4, "at most 4 starts a minute per member, got " + admitted);
        answers.stream().filter(e -> e.getValue().statusCode() == 429).forEach(e -> assertTrue(
                e.getValue().jsonPath().getString("code").startsWith("too_many_"), e.getValue().asString()));
        String other = TestJwt.bearer("not-the-hog");
        String token = start(other);
        cancel(other, token);
        cancelAll(answers);
    }

    @Inject
    LoginStore store;
    @Inject
    AuthConfig limits;

    /** A member holding 2 live logins (e.g. on two replicas at once) cannot start a third. */
    @Test
    void liveLoginsPerMemberAreLimited() {
        Instant now = Instant.now();
        for (String held : List.of("held-elsewhere-1", "held-elsewhere-2")) {
            assertTrue(store.admit("twins", held, now, now.plusSeconds(30), limits).admitted());
        }
        try {
            String twins = TestJwt.bearer("twins");
            String retryAfter = given().header("Authorization", twins).post(API + "/qr-start").then().statusCode(429)
                    .body("code", equalTo("too_many_member_logins")).extract().header("Retry-After");
            assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 30, retryAfter);
            // others are not affected, and once one of the two ends the member may start again
            String other = TestJwt.bearer("not-a-twin");
            cancel(other, start(other));
            store.release("twins", "held-elsewhere-1");
            String token = start(twins);
            cancel(twins, token);
        } finally { // never leave the two slots to the other tests
            store.release("twins", "held-elsewhere-1");
            store.release("twins", "held-elsewhere-2");
        }
    }

    /** Before: 30 starts by one member in 1.1 s all succeeded. */
    @Test
    void startsPerMinuteOfOneMemberAreLimited() {
        String member = TestJwt.bearer("eager");
        String last = null;
        for (int i = 0; i < 4; i++) {
            last = start(member); // each replaces the previous one, so the member never holds more than one
        }
        String retryAfter = given().header("Authorization", member).post(API + "/qr-start").then().statusCode(429)
                .body("code", equalTo("too_many_starts")).extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, retryAfter);
        cancel(member, last);
        // other members are not affected
        String other = TestJwt.bearer("patient");
        cancel(other, start(other));
    }

    @Test
    void tooManyWrongPasswordsEndTheAttempt() throws InterruptedException {
        SimulatedTelegramControl phone = SimulatedTelegramTestResource.control();
        phone.addAccount("+15557770099", "Gus", "Guess", "gus");
        phone.setPassword("+15557770099", "the-right-one", "");
        String gus = TestJwt.bearer("gus");
        String token = start(gus);
        String link = Qr.decode(given().header("Authorization", gus).get(API + "/qr-check/" + token).then()
                .statusCode(200).extract().path("qr_code"));
        phone.scan(link, "+15557770099");
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        String status = "";
        while (!status.equals("password_required") && System.nanoTime() < deadline) {
            status = given().header("Authorization", gus).get(API + "/qr-check/" + token).then().extract()
                    .path("status");
            Thread.sleep(50);
        }
        assertEquals("password_required", status);
        given().header("Authorization", gus).contentType("application/json").body(Map.of("password", "wrong-1"))
                .post(API + "/qr-password/" + token).then().statusCode(422).body("detail",
                        containsString("1 attempt"));
        JsonPath ended = given().header("Authorization", gus).contentType("application/json")
                .body(Map.of("password", "wrong-2")).post(API + "/qr-password/" + token).then().statusCode(410)
                .extract().jsonPath();
        assertEquals("failed", ended.getString("login_status"));
        given().header("Authorization", gus).get(API + "/qr-check/" + token).then().statusCode(410)
                .body("login_status", equalTo("failed")).body("detail", containsString("too many wrong passwords"));
        // the right password is too late now
        given().header("Authorization", gus).contentType("application/json").body(Map.of("password", "the-right-one"))
                .post(API + "/qr-password/" + token).then().statusCode(410);
    }
}
