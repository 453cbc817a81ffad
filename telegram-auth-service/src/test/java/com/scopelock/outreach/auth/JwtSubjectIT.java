package com.scopelock.outreach.auth;

import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared rules of service-defaults hold here: no {@code sub} → 401 (no login for an owner null). */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SimulatedTelegramTestResource.class, restrictToAnnotatedClass = false)
class JwtSubjectIT {
    static final String API = "/api/outreach/telegram";

    @Test
    void aSignedTokenWithoutSubjectIsRefused() {
        String noSub = TestJwt.bearerWithoutSubject("mallory");
        given().header("Authorization", noSub).post(API + "/qr-start").then().statusCode(401);
        given().header("Authorization", noSub).get(API + "/qr-check/NoSuchToken_0123456789abcdef").then()
                .statusCode(401);
        given().header("Authorization", noSub).delete(API + "/qr/NoSuchToken_0123456789abcdef").then()
                .statusCode(401);
        given().header("Authorization", TestJwt.bearer("mallory")).get(API + "/qr-check/NoSuchToken_0123456789abcdef")
                .then().statusCode(404);
    }

    @Test
    void bindsLoopbackByDefault() {
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.host", String.class));
    }
}
