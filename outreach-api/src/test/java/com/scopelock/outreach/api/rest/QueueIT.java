package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.SampleLeads;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.LeadRepository;
import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leads travel lead-upserts (real Kafka) → consumer → real FalkorDB → the queue endpoint. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class QueueIT {
    static final String ALICE = TestJwt.bearer("alice");
    static final List<LeadData> SAMPLE = SampleLeads.load();

    @Inject
    FalkorGraphClient graph;

    private static boolean imported;

    @BeforeEach
    void importSampleOnce() {
        // RestAssured learns the test port only per test, so this is not a @BeforeAll
        if (!imported) {
            imported = true;
            // other test classes share this FalkorDB: start from an empty set of leads
            graph.write("MATCH (c:U4_Contact_Lead) DELETE c", Map.of()).await().atMost(Duration.ofSeconds(10));
            SampleLeads.publish(SAMPLE, "alice", "queue-it");
            awaitQueueTotal(313);
        }
    }

    private static JsonPath queue(String query) {
        return given().header("Authorization", ALICE).get("/api/outreach/queue" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void awaitQueueTotal(int expected) {
        Instant deadline = Instant.now().plusSeconds(30);
        int total = -1;
        while (Instant.now().isBefore(deadline)) {
            total = queue("?limit=1").getInt("total_count");
            if (total == expected) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("queue total_count is " + total + ", expected " + expected);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Long> expectedOrder(String profileType, int minScore) {
        List<String> types = profileType == null ? List.of() : List.of(profileType.split(","));
        return SAMPLE.stream()
                .filter(l -> types.isEmpty() || types.contains(l.profileType()))
                .filter(l -> l.totalScore() >= minScore)
                .sorted(Comparator.comparingInt(LeadData::totalScore).reversed().thenComparingLong(LeadData::telegramId))
                .map(LeadData::telegramId).toList();
    }

    private static List<Long> walkPages(String filters, int pageSize) {
        List<Long> ids = new ArrayList<>();
        for (int offset = 0; ; offset += pageSize) {
            List<Long> page = queue("?limit=" + pageSize + "&offset=" + offset + filters).getList("contacts.telegram_id", Long.class);
            ids.addAll(page);
            if (page.size() < pageSize) {
                return ids;
            }
        }
    }

    @Test
    void theWholeSampleIsQueuedBestScoreFirstWithStableTies() {
        JsonPath first = queue("");
        assertEquals(313, first.getInt("total_count"));
        assertEquals(313, first.getInt("filtered_count"));
        assertEquals(20, first.getList("contacts").size());
        assertEquals(expectedOrder(null, 0), walkPages("", 37));
        Map<String, Object> top = first.getMap("contacts[0]");
        assertTrue(((String) top.get("id")).startsWith("contact-"), top.toString());
        assertTrue(top.containsKey("top_signals") && top.containsKey("sample_messages"), top.toString());
        assertEquals("pending", top.get("outreach_status"));
    }

    @Test
    void filtersByProfileTypeAndMinimumScore() {
        JsonPath page = queue("?profile_type=hustler&min_score=15&limit=100");
        List<Long> expected = expectedOrder("hustler", 15);
        assertEquals(expected.size(), page.getInt("filtered_count"));
        assertEquals(313, page.getInt("total_count"));
        assertEquals(expected, walkPages("&profile_type=hustler&min_score=15", 100));
        assertEquals(expectedOrder("both", 20), walkPages("&profile_type=both&min_score=20", 7));
        assertEquals(0, queue("?offset=5000").getList("contacts").size());
        // the UI's "Supervisor" means every supervisor, those who are also hustlers included
        List<Long> supervisors = expectedOrder("supervisor,both", 10);
        assertTrue(supervisors.size() > expectedOrder("supervisor", 10).size());
        assertEquals(supervisors.size(), queue("?profile_type=supervisor,both&min_score=10&limit=1").getInt("filtered_count"));
        assertEquals(supervisors, walkPages("&profile_type=supervisor,both&min_score=10", 23));
    }

    @Test
    void badParametersAre400SayingWhich() {
        for (String[] bad : List.of(
                new String[]{"?limit=0", "limit"}, new String[]{"?limit=101", "limit"}, new String[]{"?limit=abc", "limit"},
                new String[]{"?offset=-1", "offset"}, new String[]{"?min_score=31", "min_score"},
                new String[]{"?min_score=1.5", "min_score"}, new String[]{"?profile_type=boss", "profile_type"},
                new String[]{"?profile_type=supervisor,boss", "profile_type"}, new String[]{"?profile_type=supervisor,", "profile_type"})) {
            given().header("Authorization", ALICE).get("/api/outreach/queue" + bad[0])
                    .then().statusCode(400).body("code", equalTo("invalid_parameter")).body("detail", containsString(bad[1]));
        }
        given().get("/api/outreach/queue").then().statusCode(401);
    }

    @Test
    void aContactShowsItsMatchingMessages() {
        LeadData lead = SAMPLE.stream().filter(l -> l.matchingMessages().size() > 1).findFirst().orElseThrow();
        String slug = com.scopelock.outreach.rules.Slugs.contact(lead.name(), lead.telegramId());
        given().header("Authorization", ALICE).get("/api/outreach/contacts/" + slug).then().statusCode(200)
                .body("telegram_id", equalTo(lead.telegramId()))
                .body("name", equalTo(lead.name()))
                .body("matching_messages.size()", equalTo(lead.matchingMessages().size()))
                .body("matching_messages[0].text_snippet", equalTo(lead.matchingMessages().getFirst().textSnippet()))
                .body("total_score", equalTo(lead.totalScore()));
        given().header("Authorization", ALICE).get("/api/outreach/contacts/contact-nobody-1").then().statusCode(404);
    }

    @Test
    void reimportingUpdatesProfileDataButNeverTheStatus() {
        LeadData lead = SAMPLE.get(5);
        graph.write("MATCH (c:U4_Contact_Lead {telegram_id: $id}) SET c.outreach_status = 'contacted', c.contacted_at = $at",
                Map.of("id", lead.telegramId(), "at", "2026-11-20T10:00:00Z")).await().atMost(Duration.ofSeconds(5));
        LeadData renamed = new LeadData(lead.telegramId(), lead.name() + " (renamed)", lead.chatType(), lead.profileType(),
                lead.supervisorScore(), lead.hustlerScore(), lead.matchingMessages(), lead.analysisData());
        SampleLeads.publish(List.of(renamed), "bob", "reimport");
        SampleLeads.publish(SAMPLE, "alice", "queue-it-again");
        SampleLeads.publish(List.of(renamed), "bob", "reimport-last");
        String slug = com.scopelock.outreach.rules.Slugs.contact(lead.name(), lead.telegramId());
        Instant deadline = Instant.now().plusSeconds(20);
        JsonPath contact;
        do {
            sleep(200);
            contact = given().header("Authorization", ALICE).get("/api/outreach/contacts/" + slug).then().extract().jsonPath();
        } while (!renamed.name().equals(contact.getString("name")) && Instant.now().isBefore(deadline));
        assertEquals(renamed.name(), contact.getString("name"));
        assertEquals("contacted", contact.getString("outreach_status"));
        assertEquals("2026-11-20T10:00:00Z", contact.getString("contacted_at"));
        assertEquals(slug, contact.getString("id"), "the slug never changes with the name");
        graph.write("MATCH (c:U4_Contact_Lead {telegram_id: $id}) SET c.outreach_status = 'pending'",
                Map.of("id", lead.telegramId())).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void poisonRecordsDoNotStopTheStream() {
        SampleLeads.publishRaw(List.of("{not json", "{\"event_id\":\"x\"}"));
        LeadData late = new LeadData(123_456_789L, "After the poison", "group", "unknown", 0, 0, List.of(),
                com.scopelock.outreach.model.JsonCodec.mapper().createObjectNode());
        SampleLeads.publish(List.of(late), "alice", "after-poison");
        Instant deadline = Instant.now().plusSeconds(20);
        int status;
        do {
            sleep(200);
            status = given().header("Authorization", ALICE).get("/api/outreach/contacts/" + com.scopelock.outreach.rules.Slugs.contact(late.name(), late.telegramId()))
                    .then().extract().statusCode();
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertEquals(200, status);
        graph.write("MATCH (c:U4_Contact_Lead {telegram_id: $id}) DELETE c", Map.of("id", late.telegramId()))
                .await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void readinessChecksFalkorDbAndKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("falkordb"));
    }
}
