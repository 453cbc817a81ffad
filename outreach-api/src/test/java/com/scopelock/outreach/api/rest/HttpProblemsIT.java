package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal, including those made by the HTTP layer before JAX-RS, answers RFC 9457 problem+json — sent over
 * a real socket, exactly as an attacker or a broken client would send it.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class HttpProblemsIT {
    static final String ALICE = TestJwt.bearer("alice");

    @TestHTTPResource("/")
    URL base;

    private RawHttp.Answer send(String method, String target, Map<String, String> headers) throws IOException {
        return RawHttp.send(base, method, target, headers);
    }

    private static JsonPath problem(RawHttp.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.text());
        assertEquals("application/problem+json", answer.header("Content-Type"), "content type of " + status);
        JsonPath json = JsonPath.from(answer.text());
        assertEquals(status, json.getInt("status"));
        assertEquals(code, json.getString("code"));
        assertNotNull(json.getString("type"));
        assertNotNull(json.getString("title"));
        assertNotNull(json.getString("detail"));
        return json;
    }

    @Test
    void noTokenIs401WithABearerChallenge() throws IOException {
        RawHttp.Answer answer = send("GET", "/api/outreach/queue", Map.of());
        problem(answer, 401, "unauthorized");
        assertEquals("Bearer", answer.header("WWW-Authenticate"));
    }

    @Test
    void aForgedTokenIs401() throws IOException {
        String forged = ALICE.substring(0, ALICE.length() - 6) + "AAAAAA";
        problem(send("GET", "/api/outreach/queue", Map.of("Authorization", forged)), 401, "unauthorized");
    }

    @Test
    void unknownApiPathIs404Problem() throws IOException {
        JsonPath json = problem(send("GET", "/api/outreach/no-such-thing", Map.of("Authorization", ALICE,
                "Accept", "text/html")), 404, "not_found");
        assertEquals("/api/outreach/no-such-thing", json.getString("instance"));
        problem(send("GET", "/q/no-such-thing", Map.of()), 404, "not_found");
    }

    @Test
    void unknownPageInABrowserIsTheStyledNotFoundPage() throws IOException {
        RawHttp.Answer answer = send("GET", "/no-such-page", Map.of("Accept", "text/html"));
        assertEquals(404, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("text/html"), answer.header("Content-Type"));
        assertTrue(answer.text().contains("This page does not exist"), answer.text());
    }

    @Test
    void wrongMethodIs405() throws IOException {
        problem(send("DELETE", "/api/outreach/queue", Map.of("Authorization", ALICE)), 405, "method_not_allowed");
    }

    @Test
    void unacceptableAcceptIs406() throws IOException {
        problem(send("GET", "/api/outreach/queue", Map.of("Authorization", ALICE, "Accept", "application/xml")),
                406, "not_acceptable");
    }

    @Test
    void declaredBodyOverTheLimitIs413BeforeItIsRead() throws IOException {
        problem(send("POST", "/api/outreach/telegram/disconnect", Map.of("Authorization", ALICE,
                "Content-Type", "application/json", "Content-Length", "20000000")), 413, "content_too_large");
    }

    @Test
    void longUriIs414() throws IOException {
        problem(send("GET", "/api/outreach/queue?x=" + "a".repeat(9000), Map.of("Authorization", ALICE)),
                414, "uri_too_long");
    }

    @Test
    void wrongContentTypeIs415() throws IOException {
        problem(send("POST", "/api/outreach/telegram/disconnect", Map.of("Authorization", ALICE,
                "Content-Type", "text/csv", "Content-Length", "0")), 415, "unsupported_media_type");
    }

    @Test
    void hugeHeadersAre431() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            headers.put("X-Filler-" + i, "b".repeat(5000));
        }
        problem(send("GET", "/q/health/live", headers), 431, "request_header_fields_too_large");
    }

    @Test
    void aBadParameterIs400NamingIt() throws IOException {
        JsonPath json = problem(send("GET", "/api/outreach/queue?limit=lots", Map.of("Authorization", ALICE)),
                400, "invalid_parameter");
        assertEquals("limit", json.getString("errors[0].field"));
        assertTrue(json.getString("type").endsWith("invalid_parameter"));
    }

    @Test
    void openApiDocumentsTheProblems() throws IOException {
        RawHttp.Answer answer = send("GET", "/q/openapi?format=json", Map.of());
        JsonPath doc = JsonPath.from(answer.text());
        String queue = "paths.'/api/outreach/queue'.get.responses";
        for (String status : new String[] {"400", "401", "406", "500", "503"}) {
            assertEquals("#/components/schemas/Problem",
                    doc.getString(queue + ".'" + status + "'.content.'application/problem+json'.schema.'$ref'"), status);
        }
        assertNotNull(doc.get("components.schemas.Problem.properties.status"));
    }
}
