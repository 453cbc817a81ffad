package com.scopelock.outreach.leadingest.rest;

import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared rules of service-defaults hold here: no {@code sub} → 401; the bind address defaults to loopback. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class JwtSubjectIT {

    @Test
    void aSignedTokenWithoutSubjectIsRefused() {
        String noSub = TestJwt.bearerWithoutSubject("mallory");
        given().header("Authorization", noSub).contentType("application/json").body("[]")
                .post("/api/leads/import").then().statusCode(401);
        given().header("Authorization", noSub).get("/api/leads/imports/some-import").then().statusCode(401);
        // the same call with a subject is served
        given().header("Authorization", TestJwt.bearer("mallory")).get("/api/leads/imports/some-import")
                .then().statusCode(404);
    }

    @Test
    void bindsLoopbackByDefault() {
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.host", String.class));
    }
}
