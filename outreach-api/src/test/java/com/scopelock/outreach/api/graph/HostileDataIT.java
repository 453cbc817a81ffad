package com.scopelock.outreach.api.graph;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.model.MatchingMessage;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** User data reaches the real FalkorDB only as parameters and comes back byte-exact. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class HostileDataIT {
    static final List<String> HOSTILE = List.of(
            "O'Brien \"the\" raider",
            "back\\slash \\\" \\\\ end\\",
            "$name $1 ${x} $$",
            "x\"}) DETACH DELETE c //",
            "' OR 1=1 RETURN c --",
            "}) MATCH (n) DETACH DELETE n WITH 1 AS x MATCH (c {name: \"",
            "line\nbreak\r\ttab",
            "🚀 Max ✨ 👩‍👩‍👧 𝕏",
            "مرحبا بالعالم",
            "\u202Eevil\u202C RTL override",
            "CYPHER name=\"injected\" MATCH (n) RETURN n",
            "x".repeat(5000));

    @Inject
    LeadRepository leads;

    private static LeadUpserted lead(long telegramId, String name, String snippet) {
        LeadData data = new LeadData(telegramId, name, "group", "both", 9, 9,
                List.of(new MatchingMessage(1, "2025-01-01", snippet, "raider")),
                JsonCodec.mapper().createObjectNode().put("note", snippet));
        return LeadUpserted.of("alice", "hostile", data, Instant.now());
    }

    @Test
    void hostileNamesAndSnippetsRoundTripByteExact() {
        long id = 900_000_000L;
        for (String text : HOSTILE) {
            id++;
            LeadUpserted event = lead(id, text, text);
            assertEquals(1, leads.upsert(List.of(event)).await().atMost(Duration.ofSeconds(10)));
            LeadRepository.LeadDetail stored = leads.bySlug(com.scopelock.outreach.rules.Slugs.contact(text, id))
                    .await().atMost(Duration.ofSeconds(10)).orElseThrow();
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), stored.lead().name().getBytes(StandardCharsets.UTF_8), text);
            assertEquals(text, stored.matchingMessages().get(0).get("text_snippet").asText());
            assertEquals(text, stored.analysisData().get("note").asText());
        }
    }

    @Test
    void nulIsRefusedWithAClearErrorAndNothingIsWritten() {
        GraphDataException e = assertThrows(GraphDataException.class,
                () -> leads.upsert(List.of(lead(899_999_999L, "a\u0000b", "ok"))).await().atMost(Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("NUL"), e.getMessage());
        assertTrue(leads.bySlug(com.scopelock.outreach.rules.Slugs.contact("a\u0000b", 899_999_999L)).await().atMost(Duration.ofSeconds(10)).isEmpty());
    }

    @Test
    void theQueryTextsAreConstants() throws Exception {
        for (var field : LeadRepository.class.getDeclaredFields()) {
            if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                assertTrue(java.lang.reflect.Modifier.isFinal(field.getModifiers()), field.getName() + " must be a constant");
            }
        }
    }
}
