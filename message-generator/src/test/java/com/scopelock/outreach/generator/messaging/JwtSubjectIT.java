package com.scopelock.outreach.generator.messaging;

import com.scopelock.outreach.generator.Leads;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shared rules of service-defaults hold here: no {@code sub} → 401; the service binds HTTP_HOST, loopback by
 * default (it had its own MESSAGE_GENERATOR_HOST defaulting to 0.0.0.0).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GeneratorTestResource.class)
class JwtSubjectIT {

    @Test
    void aSignedTokenWithoutSubjectIsRefused() {
        String body = JsonCodec.encode(Leads.liam());
        RestAssured.given().contentType("application/json").body(body)
                .header("Authorization", TestJwt.bearerWithoutSubject("alice"))
                .post("/api/generator/preview").then().statusCode(401);
        RestAssured.given().contentType("application/json").body(body)
                .header("Authorization", TestJwt.bearer("alice"))
                .post("/api/generator/preview").then().statusCode(200);
    }

    @Test
    void bindsLoopbackByDefault() {
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.http.host", String.class));
    }
}
