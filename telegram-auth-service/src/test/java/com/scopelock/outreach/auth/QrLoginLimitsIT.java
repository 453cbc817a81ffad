package com.scopelock.outreach.auth;

import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expiry (410), the per-replica cap (429 + Retry-After) and too many wrong passwords, with short limits. */
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
            return Map.of("telegram-auth.login-ttl", "5s", "telegram-auth.max-live-clients", "2",
                    "telegram-auth.max-password-attempts", "2");
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
        String ta = start(a);
        String tb = start(b);
        String retryAfter = given().header("Authorization", TestJwt.bearer("cap-c")).post(API + "/qr-start")
                .then().statusCode(429).body("code", equalTo("too_many_logins")).extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 5, retryAfter);
        given().header("Authorization", a).delete(API + "/qr/" + ta).then().statusCode(204);
        // a slot is free again
        String tc = start(TestJwt.bearer("cap-c"));
        given().header("Authorization", b).delete(API + "/qr/" + tb).then().statusCode(204);
        given().header("Authorization", TestJwt.bearer("cap-c")).delete(API + "/qr/" + tc).then().statusCode(204);
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
