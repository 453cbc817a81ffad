package com.scopelock.outreach.auth;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.telegram.session.SessionArchive;
import com.scopelock.outreach.telegram.session.SessionSealer;
import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole QR journey through the real service, a REAL Kafka broker, a REAL redis-server and the SIMULATED
 * Telegram (driven like a phone through its control API).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SimulatedTelegramTestResource.class, restrictToAnnotatedClass = false)
class QrLoginJourneyIT {
    static final String API = "/api/outreach/telegram";
    static final String PHONE = "+15557770001";
    static final String PASSWORD = "Tr0ub4dor&3-journey-pw";
    static final String HINT = "the usual one";

    @Inject
    RedisDataSource redis;

    private final List<String> answers = new ArrayList<>();

    private JsonPath call(Response r, int status) {
        String body = r.then().statusCode(status).extract().asString();
        answers.add(body);
        return JsonPath.from(body);
    }

    @Test
    void fullJourneyFromQrToSealedGrant() throws Exception {
        SimulatedTelegramControl phone = SimulatedTelegramTestResource.control();
        long userId = phone.addAccount(PHONE, "Mia", "Member", "mia_sales");
        phone.setPassword(PHONE, PASSWORD, HINT);
        // the simulator fixes a login's rotation period when the QR is first shown
        phone.setQrRotation(Duration.ofMillis(2500));
        String mia = TestJwt.bearer("mia");
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "telegram-auth");
        Set<Path> dirsBefore = dirs(workDir);

        long t0 = System.nanoTime();
        JsonPath start = call(given().header("Authorization", mia).post(API + "/qr-start"), 200);
        long startMs = (System.nanoTime() - t0) / 1_000_000;
        String token = start.getString("token");
        assertTrue(token.matches("[A-Za-z0-9_-]{32}"), token);
        assertEquals(120, start.getInt("expires_in"));
        assertEquals(Boolean.TRUE, start.getBoolean("simulated"), "simulated logins are labelled");
        String link1 = Qr.decode(start.getString("qr_code"));
        assertTrue(link1.startsWith("tg://login?token=SIMULATED_"), link1);
        assertFalse(link1.contains(token), "our token is not Telegram's");

        // pending, with the QR; with known_qr_version the unchanged code is not sent again
        JsonPath pending = call(check(mia, token), 200);
        assertEquals("pending", pending.getString("status"));
        int shown = pending.getInt("qr_version");
        if (shown == 1) {
            assertEquals(link1, Qr.decode(pending.getString("qr_code")));
        }
        JsonPath known = call(given().header("Authorization", mia).queryParam("known_qr_version", shown)
                .get(API + "/qr-check/" + token), 200);
        if (known.getInt("qr_version") == shown) {
            assertNull(known.getString("qr_code"), "an unchanged QR code is not sent again");
        }

        // Telegram rotates the link: the next check carries a fresh QR code
        JsonPath rotated = pollUntil(mia, token, p -> p.getInt("qr_version") >= 2);
        String link2 = Qr.decode(rotated.getString("qr_code"));
        assertNotEquals(link1, link2);

        // the phone scans the code on screen
        phone.scan(link2, PHONE);
        JsonPath pwRequired = pollUntil(mia, token, p -> "password_required".equals(p.getString("status")));
        assertEquals(HINT, pwRequired.getString("password_hint"));
        assertEquals(5, pwRequired.getInt("attempts_left"));

        // wrong password: says so, lets the member retry
        JsonPath wrong = call(password(mia, token, "not-the-password"), 422);
        assertEquals("wrong_password", wrong.getString("code"));
        assertTrue(wrong.getString("detail").contains("4 attempt"), wrong.getString("detail"));
        JsonPath again = call(check(mia, token), 200);
        assertEquals("password_required", again.getString("status"));
        assertEquals(4, again.getInt("attempts_left"));

        // right password: authorized, with the session slug
        long tPw = System.nanoTime();
        JsonPath authorized = call(password(mia, token, PASSWORD), 200);
        long handOverMs = (System.nanoTime() - tPw) / 1_000_000;
        assertEquals("authorized", authorized.getString("status"));
        String slug = authorized.getString("session_id");
        assertTrue(slug.matches("telegram-session-mia-\\d{14}"), slug);
        assertEquals(slug, call(check(mia, token), 200).getString("session_id"));
        long journeyMs = (System.nanoTime() - t0) / 1_000_000;

        // the grant on Kafka: sealed, opens for mia + slug only
        ConsumerRecord<String, String> record = grant(slug);
        SessionGranted grant = JsonCodec.decode(record.value(), SessionGranted.class);
        assertEquals("session.granted", grant.type());
        assertEquals(1, grant.version());
        assertEquals("mia", grant.owner());
        assertEquals(slug, grant.sessionSlug());
        assertEquals(userId, grant.telegramUserId());
        assertTrue(grant.simulated());
        SessionSealer sealer = SimulatedTelegramTestResource.sealer();
        assertEquals(sealer.primaryKeyId(), grant.keyId());
        byte[] sealed = Base64.getDecoder().decode(grant.sealed());
        assertThrows(SessionSealer.SealingException.class, () -> sealer.open(sealed, "bob", slug));
        assertThrows(SessionSealer.SealingException.class,
                () -> sealer.open(sealed, "mia", "telegram-session-mia-19990101000000"));
        byte[] zip = sealer.open(grant);
        Path unpacked = Files.createTempDirectory("unsealed-");
        SessionArchive.unpack(zip, unpacked);
        String marker = Files.readString(unpacked.resolve("simulated-telegram-session.json"));
        String sessionId = phone.sessions(PHONE).getFirst().sessionId();
        assertTrue(marker.contains(sessionId), "the sealed directory holds the logged-in session");
        SessionArchive.wipe(unpacked);

        // the live client is gone and its directory wiped
        assertEquals(dirsBefore, dirs(workDir), "temp TDLib directories left behind");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("telegram_auth_logins_total{outcome=\"authorized\"}"))
                .body(containsString("telegram_auth_live_clients"));

        // no secret anywhere: not the 2FA password, not the session (its id or bytes)
        String zipB64 = Base64.getEncoder().encodeToString(zip);
        List<String> secrets = List.of(PASSWORD, sessionId, zipB64.substring(0, 40));
        Map<String, String> places = Map.of(
                "service log", Files.readString(Path.of("target/test-service.log")),
                "redis", redisValues(),
                "kafka record", record.key() + " " + record.value(),
                "api answers", String.join("\n", answers),
                "toString", grant + " " + sealer);
        places.forEach((where, text) -> secrets.forEach(secret ->
                assertFalse(text.contains(secret), where + " contains a secret")));
        assertTrue(places.get("service log").contains("SIMULATED"), "the log says SIMULATED");

        // a warm qr-start (JIT, connections and the simulator world already warmed by the journey)
        long tWarm = System.nanoTime();
        String warm = call(given().header("Authorization", mia).post(API + "/qr-start"), 200).getString("token");
        long warmMs = (System.nanoTime() - tWarm) / 1_000_000;
        given().header("Authorization", mia).delete(API + "/qr/" + warm).then().statusCode(204);

        System.out.printf("[measured] warm qr-start %d ms; first qr-start %d ms; right password -> authorized + grant published %d ms; "
                + "journey (incl. waiting for a 2.5 s rotation) %d ms%n", warmMs, startMs, handOverMs, journeyMs);
    }

    @Test
    void anotherMembersTokenIsNotFoundAndCancelEndsTheLogin() {
        String ana = TestJwt.bearer("ana");
        String bob = TestJwt.bearer("bob");
        String token = call(given().header("Authorization", ana).post(API + "/qr-start"), 200).getString("token");

        call(check(bob, token), 404);
        call(password(bob, token, "x"), 404);
        given().header("Authorization", bob).delete(API + "/qr/" + token).then().statusCode(404);
        call(check(bob, "NoSuchToken_0123456789abcdef0123"), 404);
        given().post(API + "/qr-start").then().statusCode(401);
        // ana's login is untouched by bob's attempts
        assertEquals("pending", call(check(ana, token), 200).getString("status"));
        call(password(ana, token, "too-early"), 409);

        given().header("Authorization", ana).delete(API + "/qr/" + token).then().statusCode(204);
        JsonPath gone = call(check(ana, token), 410);
        assertEquals("expired", gone.getString("login_status"));
        assertTrue(gone.getString("detail").contains("cancelled"));
    }

    @Test
    void aSecondStartReplacesTheFirst() {
        String cy = TestJwt.bearer("cy");
        String first = call(given().header("Authorization", cy).post(API + "/qr-start"), 200).getString("token");
        String second = call(given().header("Authorization", cy).post(API + "/qr-start"), 200).getString("token");
        assertNotEquals(first, second);
        JsonPath old = call(check(cy, first), 410);
        assertTrue(old.getString("detail").contains("replaced"), old.getString("detail"));
        assertEquals("pending", call(check(cy, second), 200).getString("status"));
        given().header("Authorization", cy).delete(API + "/qr/" + second).then().statusCode(204);
    }

    @Test
    void passwordBodyIsValidated() {
        String dee = TestJwt.bearer("dee");
        String token = call(given().header("Authorization", dee).post(API + "/qr-start"), 200).getString("token");
        given().header("Authorization", dee).contentType("application/json").body("{}")
                .post(API + "/qr-password/" + token).then().statusCode(400).body("code", equalTo("password_missing"));
        given().header("Authorization", dee).delete(API + "/qr/" + token).then().statusCode(204);
    }

    @Inject
    com.scopelock.outreach.auth.service.LoginStore store;

    /** A login held by another replica (its state written to Redis as that replica would): this one answers it. */
    @Test
    void aLoginHeldByAnotherReplicaIsAnsweredFromRedis() {
        String fin = TestJwt.bearer("fin");
        String token = "OtherReplicaToken_0123456789abcd";
        String qr = new com.scopelock.outreach.auth.service.QrCodeRenderer().dataUrl("tg://login?token=ELSEWHERE");
        com.scopelock.outreach.auth.service.LoginState held = com.scopelock.outreach.auth.service.LoginState
                .starting(token, "fin", java.time.Instant.now().plusSeconds(60), "other-replica", true)
                .pending(qr, 3);
        store.create(held, Duration.ofSeconds(60), Duration.ofSeconds(120));

        JsonPath pending = call(check(fin, token), 200);
        assertEquals("pending", pending.getString("status"));
        assertEquals(3, pending.getInt("qr_version"));
        assertEquals("tg://login?token=ELSEWHERE", Qr.decode(pending.getString("qr_code")));
        call(check(TestJwt.bearer("gil"), token), 404);
        // the password must go to the replica holding the client
        assertEquals("login_on_other_replica", call(password(fin, token, "pw"), 409).getString("code"));
        // cancel is recorded in Redis; the holder's sweeper closes its client
        given().header("Authorization", fin).delete(API + "/qr/" + token).then().statusCode(204);
        assertEquals("expired", call(check(fin, token), 410).getString("login_status"));

        // a holder that died: the state outlives its expires_at only until qr-check reads it as expired
        String dead = "DeadReplicaToken_0123456789abcdef";
        store.create(com.scopelock.outreach.auth.service.LoginState.starting(dead, "fin",
                java.time.Instant.now().minusSeconds(1), "dead-replica", true).pending(qr, 1),
                Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertEquals("expired", call(check(fin, dead), 410).getString("login_status"));
    }

    static Response check(String bearer, String token) {
        return given().header("Authorization", bearer).get(API + "/qr-check/" + token);
    }

    static Response password(String bearer, String token, String password) {
        return given().header("Authorization", bearer).contentType("application/json")
                .body(Map.of("password", password)).post(API + "/qr-password/" + token);
    }

    private JsonPath pollUntil(String bearer, String token, java.util.function.Predicate<JsonPath> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            last = call(check(bearer, token), 200);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not reached; last answer " + last.prettify());
    }

    private String redisValues() {
        var values = redis.value(String.class);
        return redis.key().keys("*").stream().filter(k -> redis.key().type(k).name().equals("STRING"))
                .map(k -> k + "=" + values.get(k)).collect(Collectors.joining("\n"));
    }

    private static ConsumerRecord<String, String> grant(String slug) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "auth-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.SESSION_GRANTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (slug.equals(r.key())) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no grant for " + slug + " on " + Topics.SESSION_GRANTS);
    }

    private static Set<Path> dirs(Path workDir) throws java.io.IOException {
        if (!Files.isDirectory(workDir)) {
            return Set.of();
        }
        try (Stream<Path> list = Files.list(workDir)) {
            return list.collect(Collectors.toSet());
        }
    }
}
