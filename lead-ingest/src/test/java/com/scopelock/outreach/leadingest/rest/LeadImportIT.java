package com.scopelock.outreach.leadingest.rest;

import com.scopelock.outreach.leadingest.cli.ImportCommandAccess;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import through the real HTTP stack and a real Kafka broker process. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class LeadImportIT {

    @Inject
    ImportCommandAccess cli;

    private static byte[] sample() throws IOException {
        try (InputStream in = LeadImportIT.class.getResourceAsStream("/team_members.sample.json")) {
            return in.readAllBytes();
        }
    }

    private static List<LeadUpserted> publishedBy(String importId, int expected) {
        return PublishedLeads.of(importId, expected);
    }

    @Test
    void importsTheSampleFileAndPublishesEveryLead() throws IOException {
        String importId = "sample-" + UUID.randomUUID();
        given().header("Authorization", TestJwt.bearer("alice")).contentType(ContentType.JSON).body(sample())
                .when().post("/api/leads/import?import_id=" + importId)
                .then().statusCode(200)
                .body("import_id", equalTo(importId))
                .body("state", equalTo("completed"))
                .body("received", equalTo(313))
                .body("accepted", equalTo(313))
                .body("rejected", equalTo(0))
                .body("duplicates", equalTo(0));

        List<LeadUpserted> events = publishedBy(importId, 313);
        assertEquals(313, events.size());
        assertTrue(events.stream().allMatch(e -> "alice".equals(e.owner())));

        given().header("Authorization", TestJwt.bearer("alice")).get("/api/leads/imports/" + importId)
                .then().statusCode(200).body("published", equalTo(313)).body("total", equalTo(313));
        given().header("Authorization", TestJwt.bearer("bob")).get("/api/leads/imports/" + importId)
                .then().statusCode(404);
    }

    @Test
    void retryingTheSameImportIdAnswersTheSameReportWithoutPublishingTwice() {
        String importId = "retry-" + UUID.randomUUID();
        String body = "[{\"telegram_id\":11,\"name\":\"A\",\"supervisor_score\":1,\"hustler_score\":2}]";
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", TestJwt.bearer("alice")).contentType(ContentType.JSON).body(body)
                    .post("/api/leads/import?import_id=" + importId).then().statusCode(200).body("accepted", equalTo(1));
        }
        assertEquals(1, publishedBy(importId, 1).size());
    }

    @Test
    void reportsRejectedRecordsAndDuplicatesAndPublishesTheLastVersion() {
        String importId = "mixed-" + UUID.randomUUID();
        String body = "{\"team_members\":["
                + "{\"telegram_id\":21,\"name\":\"First\",\"supervisor_score\":1,\"hustler_score\":2},"
                + "{\"telegram_id\":2.5,\"name\":\"Bad id\",\"supervisor_score\":1,\"hustler_score\":2},"
                + "{\"telegram_id\":22,\"name\":\"\",\"supervisor_score\":1,\"hustler_score\":2},"
                + "{\"telegram_id\":\"21\",\"name\":\"Second\",\"supervisor_score\":3,\"hustler_score\":4}]}";
        given().header("Authorization", TestJwt.bearer("alice")).contentType(ContentType.JSON).body(body)
                .post("/api/leads/import?import_id=" + importId)
                .then().statusCode(200)
                .body("received", equalTo(4)).body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("rejections[0].index", equalTo(1)).body("rejections[0].field", equalTo("telegram_id"))
                .body("rejections[1].index", equalTo(2)).body("rejections[1].telegram_id", equalTo(22))
                .body("rejections[1].field", equalTo("name"))
                .body("duplicate_records[0].index", equalTo(0)).body("duplicate_records[0].replaced_by_index", equalTo(3));
        List<LeadUpserted> events = publishedBy(importId, 1);
        assertEquals(1, events.size());
        assertEquals("Second", events.getFirst().lead().name());
    }

    /** Before: the producer refused the one big record and the whole import failed with 503. */
    @Test
    void aLeadTooLargeForAKafkaRecordIsRejectedAloneAndTheRestIsImported() {
        String importId = "too-large-" + UUID.randomUUID();
        // ~1.2 MB spread over many fields of 4 KB, so no single field is unusual: only the record as a whole is
        StringBuilder big = new StringBuilder("{\"telegram_id\":42,\"name\":\"Big\",\"supervisor_score\":1,\"hustler_score\":2");
        String chunk = "x".repeat(4_000);
        for (int i = 0; i < 300; i++) {
            big.append(",\"note_").append(i).append("\":\"").append(chunk).append('"');
        }
        big.append('}');
        String body = "[{\"telegram_id\":41,\"name\":\"Before\",\"supervisor_score\":1,\"hustler_score\":2},"
                + big + ",{\"telegram_id\":43,\"name\":\"After\",\"supervisor_score\":1,\"hustler_score\":2}]";
        given().header("Authorization", TestJwt.bearer("alice")).contentType(ContentType.JSON).body(body)
                .post("/api/leads/import?import_id=" + importId)
                .then().statusCode(200)
                .body("state", equalTo("completed"))
                .body("received", equalTo(3)).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("rejections[0].index", equalTo(1)).body("rejections[0].telegram_id", equalTo(42))
                // since the per-field limits (issue 10.1) a record this big trips "at most N fields" before Kafka's record
                // size; either way it is rejected alone and the rest of the file is imported
                .body("rejections[0].reason", anyOf(containsString("bytes"), containsString("at most")));
        List<LeadUpserted> events = publishedBy(importId, 2);
        assertEquals(List.of("After", "Before"), events.stream().map(e -> e.lead().name()).sorted().toList());
    }

    @Test
    void aBodyThatIsNotJsonIs400WithThePositionAndWritesNothing() {
        String importId = "broken-" + UUID.randomUUID();
        String body = "{\"team_members\":[\n{\"telegram_id\":31,\"name\":\"Valid\",\"supervisor_score\":1,\"hustler_score\":2},\n{\"telegram_id\": ,}]}";
        given().header("Authorization", TestJwt.bearer("alice")).contentType(ContentType.JSON).body(body)
                .post("/api/leads/import?import_id=" + importId)
                .then().statusCode(400)
                .body("code", equalTo("malformed_lead_file"))
                .body("line", equalTo(3)).body("column", greaterThan(0))
                .body("detail", containsString("nothing was imported"));
        assertEquals(0, publishedBy(importId, 0).size());

        given().header("Authorization", TestJwt.bearer("alice")).contentType(ContentType.JSON).body("{\"leads\":[]}")
                .post("/api/leads/import").then().statusCode(400).body("detail", containsString("team_members"));
    }

    @Test
    void tokensAreVerified() {
        given().contentType(ContentType.JSON).body("[]").post("/api/leads/import").then().statusCode(401);
        Instant inAnHour = Instant.now().plusSeconds(3600);
        for (String token : List.of(
                TestJwt.sign("alice", "https://evil.example", TestJwt.AUDIENCE, inAnHour),
                TestJwt.sign("alice", TestJwt.ISSUER, "another-app", inAnHour),
                TestJwt.sign("alice", TestJwt.ISSUER, TestJwt.AUDIENCE, Instant.now().minusSeconds(600)),
                "not.a.jwt")) {
            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("[]")
                    .post("/api/leads/import").then().statusCode(401);
        }
    }

    @Test
    void theCliImportsAFileThroughTheSamePath() throws IOException {
        Path file = Files.createTempFile("leads", ".json");
        Files.write(file, sample());
        String importId = "cli-" + UUID.randomUUID();
        assertEquals(0, cli.run("import", file.toString(), "--as", "carol", "--import-id", importId));
        List<LeadUpserted> events = publishedBy(importId, 313);
        assertEquals(313, events.size());
        assertEquals("carol", events.getFirst().owner());

        Path broken = Files.createTempFile("broken", ".json");
        Files.writeString(broken, "[{");
        assertEquals(2, cli.run("import", broken.toString()));
        assertEquals(64, cli.run("import"));
        assertEquals(64, cli.run("import", "/no/such/file.json"));
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }
}
