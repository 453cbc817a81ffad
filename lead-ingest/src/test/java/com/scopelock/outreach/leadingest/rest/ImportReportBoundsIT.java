package com.scopelock.outreach.leadingest.rest;

import com.scopelock.outreach.leadingest.service.ImportReport;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports stay small whatever the file holds, and live in Redis where every replica reads them. (Before: a
 * rejection copied the whole bad value, the duplicate list was unbounded, and reports lived an hour in the heap of
 * the replica that ran the import.)
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class ImportReportBoundsIT {
    static final String ALICE = TestJwt.bearer("alice");

    @Inject
    RedisDataSource redis;

    private static Response importing(String importId, java.io.InputStream body) {
        return given().header("Authorization", ALICE).contentType(ContentType.JSON).body(body)
                .post("/api/leads/import?import_id=" + importId).then().statusCode(200).extract().response();
    }

    @Test
    void hugeBadValuesMakeASmallReport() {
        String importId = "huge-values-" + UUID.randomUUID();
        Response answer = importing(importId, HostileFiles.hugeProfileTypes(30, 1_000_000)); // a 30 MB file
        int size = answer.asByteArray().length;
        System.out.printf("[measured] 30 records with a 1 MB profile_type: answer %d bytes%n", size);
        assertTrue(size < 30_000, "answer of " + size + " bytes");
        answer.then().body("rejected", equalTo(30)).body("rejections[0].field", equalTo("profile_type"));
    }

    @Test
    void duplicatesAreListedUpTo1000AndCountedExactly() {
        String importId = "one-lead-" + UUID.randomUUID();
        Response answer = importing(importId, HostileFiles.oneDuplicatedLead(20_000));
        int size = answer.asByteArray().length;
        System.out.printf("[measured] 20,000 copies of one lead: answer %d bytes%n", size);
        answer.then().body("received", equalTo(20_000)).body("accepted", equalTo(1))
                .body("duplicates", equalTo(19_999)).body("duplicate_records.size()", equalTo(1000))
                .body("duplicates_truncated", equalTo(true));
        assertTrue(size < 100_000, "answer of " + size + " bytes");
    }

    @Test
    void rejectionsAreListedUpTo1000AndCountedExactly() {
        Response answer = importing("bad-" + UUID.randomUUID(), HostileFiles.invalidRecords(1_500));
        answer.then().body("rejected", equalTo(1_500)).body("rejections.size()", equalTo(1000))
                .body("rejections_truncated", equalTo(true));
    }

    @Test
    void theReportIsInRedisWhereAnotherReplicaReadsIt() {
        String importId = "shared-" + UUID.randomUUID();
        importing(importId, HostileFiles.oneDuplicatedLead(3));
        String stored = redis.value(String.class).get("lead-ingest:report:5:alice:" + importId);
        assertNotNull(stored, "the finished report is in Redis");
        assertEquals(ImportReport.COMPLETED, JsonCodec.decode(stored, ImportReport.class).state());
        assertTrue(redis.key().pttl("lead-ingest:report:5:alice:" + importId) > 3_000_000, "kept for about an hour");

        // a report another replica wrote is answered here, to its owner only
        String elsewhere = "elsewhere-" + UUID.randomUUID();
        String theirs = "{\"import_id\":\"" + elsewhere + "\",\"state\":\"publishing\",\"started_at\":\""
                + Instant.now() + "\",\"processed\":10,\"total\":10,\"published\":4,\"received\":10,\"accepted\":10,"
                + "\"rejected\":0,\"duplicates\":0,\"rejections\":[],\"duplicate_records\":[]}";
        redis.value(String.class).setex("lead-ingest:report:5:alice:" + elsewhere, 60, theirs);
        given().header("Authorization", ALICE).get("/api/leads/imports/" + elsewhere).then().statusCode(200)
                .body("state", equalTo("publishing")).body("published", equalTo(4));
        given().header("Authorization", TestJwt.bearer("bob")).get("/api/leads/imports/" + elsewhere).then()
                .statusCode(404);
        // while it runs elsewhere, the same import id is refused here (409), nothing published twice
        given().header("Authorization", ALICE).contentType(ContentType.JSON).body("[]")
                .post("/api/leads/import?import_id=" + elsewhere).then().statusCode(409);
    }
}
