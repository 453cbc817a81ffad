package com.scopelock.outreach.auth;

import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The service starts against a real Kafka broker and reports ready, with metrics and OpenAPI served. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
// a real redis-server (the one FalkorDB ships) holds the login state
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
// the SIMULATED Telegram and a test sealing keyset
@QuarkusTestResource(value = SimulatedTelegramTestResource.class, restrictToAnnotatedClass = false)
class ServiceShellIT {

    @Test
    void startsAndIsReadyOnRealKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("telegram.session-grants")).body(containsString("Redis connection"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
