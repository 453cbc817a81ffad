package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shared rules of service-defaults hold here: a correctly signed token without {@code sub} is refused by every
 * route (before: accepted, several routes answered 500 and every such caller was the owner {@code null}).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class JwtSubjectIT {

    @Test
    void aSignedTokenWithoutSubjectIsRefusedEverywhere() {
        String noSub = TestJwt.bearerWithoutSubject("mallory");
        given().header("Authorization", noSub).get("/api/outreach/queue").then().statusCode(401);
        given().header("Authorization", noSub).get("/api/outreach/stats").then().statusCode(401);
        given().header("Authorization", noSub).get("/api/outreach/telegram/sessions").then().statusCode(401);
        given().header("Authorization", noSub).get("/api/outreach/conversations").then().statusCode(401);
        given().header("Authorization", noSub).get("/api/outreach/contacts/lead-1/messages").then().statusCode(401);
        given().header("Authorization", noSub).post("/api/outreach/contacts/lead-1/release").then().statusCode(401);
        given().header("Authorization", noSub).contentType("application/json").body("{\"reason\":\"x\"}")
                .post("/api/outreach/contacts/lead-1/do-not-contact").then().statusCode(401);
        given().header("Authorization", noSub).delete("/api/outreach/contacts/lead-1/do-not-contact").then()
                .statusCode(401);
        // the same member with a subject is served
        given().header("Authorization", TestJwt.bearer("mallory")).get("/api/outreach/stats").then().statusCode(200);
    }

    @Test
    void bindsLoopbackByDefault() {
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.host", String.class));
    }
}
