package com.scopelock.outreach.problems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.scopelock.outreach.model.Problem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemsTest {
    // the services' mapper names properties snake_case: the problem's own names must not change under it
    private final ProblemWriter writer = new ProblemWriter(new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));

    private JsonNode json(Problem p) throws Exception {
        return new ObjectMapper().readTree(writer.json(p));
    }

    @Test
    void ownProblemTypeHasTheRfc9457MembersAndItsExtensions() throws Exception {
        JsonNode body = json(Problems.of(409, "claimed_by_other", "claimed by bob")
                .with("claimed_by", "bob").with("claimed_until", "2026-12-03T10:00:00Z").withInstance("/api/x"));
        assertEquals(Problem.TYPE_PREFIX + "claimed_by_other", body.get("type").asText());
        assertEquals("Claimed by other", body.get("title").asText());
        assertEquals(409, body.get("status").asInt());
        assertEquals("claimed by bob", body.get("detail").asText());
        assertEquals("/api/x", body.get("instance").asText());
        assertEquals("claimed_by_other", body.get("code").asText());
        assertEquals("bob", body.get("claimed_by").asText());
        assertEquals("2026-12-03T10:00:00Z", body.get("claimed_until").asText());
        assertFalse(body.has("errors"));
        assertFalse(body.has("extensions"));
    }

    @Test
    void validationProblemNamesTheField() throws Exception {
        JsonNode body = json(ProblemException.invalid("invalid_parameter", "limit", "must be an integer").problem());
        assertEquals(400, body.get("status").asInt());
        assertEquals("limit must be an integer", body.get("detail").asText());
        assertEquals("limit", body.get("errors").get(0).get("field").asText());
        assertEquals("must be an integer", body.get("errors").get(0).get("detail").asText());
    }

    @Test
    void plainHttpProblemIsAboutBlankWithTheReasonPhrase() throws Exception {
        JsonNode body = json(Problems.http(431, "headers too large"));
        assertEquals("about:blank", body.get("type").asText());
        assertEquals("Request Header Fields Too Large", body.get("title").asText());
        assertEquals("request_header_fields_too_large", body.get("code").asText());
    }

    @Test
    void aProblemReadsBackWithItsExtensions() throws Exception {
        Problem read = new ObjectMapper().readValue(writer.json(Problems.of(422, "wrong_password", "wrong")
                .with("attempts_left", 2)), Problem.class);
        assertEquals(422, read.status());
        assertEquals("wrong_password", read.code());
        assertEquals(2, read.extensions().get("attempts_left"));
    }

    @Test
    void quotedInputIsBounded() {
        String quoted = Problems.quote("x".repeat(1_000_000), 200);
        assertTrue(quoted.length() < 260, quoted.length() + " characters");
        assertTrue(quoted.endsWith("(1000000 characters)"));
    }
}
