package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.TestLeads;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.GraphResult;
import com.scopelock.outreach.api.graph.GraphTime;
import com.scopelock.outreach.api.service.QueueService;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/outreach/contacts (filters, search, paging) and notes/tags, on a real FalkorDB behind the REST API. */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class ContactListIT {
    static final String ALICE = TestJwt.bearer("alice");
    static final String BOB = TestJwt.bearer("bob");

    @Inject
    FalkorGraphClient graph;
    @Inject
    QueueService queue;

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    /** A lead with pipeline facts set straight in the graph; null values are left unset. */
    private void lead(String slug, long telegramId, String name, String stage, Map<String, Object> facts) {
        TestLeads.write(graph, queue, slug, telegramId, name, stage, null, null);
        Map<String, Object> p = new HashMap<>(Map.of("slug", slug));
        p.put("username", facts.get("username"));
        p.put("tags", facts.getOrDefault("tags", List.of()));
        p.put("contacted_at", facts.get("contacted_at"));
        p.put("replied_at", facts.get("replied_at"));
        p.put("claimed_by", facts.get("claimed_by"));
        p.put("claimed_until", facts.get("claimed_until"));
        p.put("follow_up_status", facts.get("follow_up_status"));
        p.put("follow_up_due_at", facts.get("follow_up_due_at"));
        p.put("not_now_until", facts.get("not_now_until"));
        p.put("message_owner", facts.get("message_owner"));
        graph.write("""
                MATCH (c:U4_Contact_Lead {slug: $slug})
                SET c.username = $username, c.tags = $tags, c.contacted_at = $contacted_at, c.replied_at = $replied_at,
                    c.claimed_by = $claimed_by, c.claimed_until = $claimed_until, c.follow_up_status = $follow_up_status,
                    c.follow_up_due_at = $follow_up_due_at, c.not_now_until = $not_now_until
                WITH c WHERE $message_owner IS NOT NULL
                CREATE (c)-[:U4_HAS_MESSAGE]->(:U4_Outreach_Message {slug: c.slug + '-m', owner: $message_owner, is_sent: true, version: 1})""",
                p).await().atMost(Duration.ofSeconds(5));
    }

    private static String ago(Duration d) {
        return GraphTime.format(Instant.now().minus(d));
    }

    /** {@code q} as a person types it; RestAssured encodes it. */
    private static List<String> search(String q, String more) {
        return as(ALICE).queryParam("q", q).get("/api/outreach/contacts" + (more.isEmpty() ? "" : "?" + more)).then().statusCode(200)
                .extract().jsonPath().getList("contacts.id");
    }

    private static JsonPath list(String bearer, String query) {
        return as(bearer).get("/api/outreach/contacts?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void searchFindsALeadByNameWordPrefixUsernameOrTelegramId() {
        lead("contact-list-zoltan-1", 7_500_000_001L, "Zoltan Quartermain", "pending", Map.of("username", "zoltan_qm"));
        lead("contact-list-yara-1", 7_500_000_002L, "Yara Quillfeather", "contacted", Map.of());

        assertEquals(List.of("contact-list-zoltan-1"), search("zolt", ""));
        assertEquals(List.of("contact-list-zoltan-1"), search("Quarterm", ""));
        assertEquals(List.of("contact-list-zoltan-1"), search("@zoltan_qm", ""));
        assertEquals(List.of("contact-list-yara-1"), search(" 7500000002 ", ""));
        assertEquals(List.of(), search("quartermain yara", ""), "the words must all match the same lead");
        assertEquals(List.of("contact-list-yara-1"), search("Quillf", "stage=contacted"));
        assertEquals("contacted", as(ALICE).queryParam("q", "Quillf").get("/api/outreach/contacts").then()
                .extract().jsonPath().getString("contacts[0].stage"));
        assertEquals(List.of(), search("Quillf", "stage=pending"));
        // the full-text engine's query syntax only ever separates words here
        assertEquals(List.of(), search("*|@{}()-~%\"'", ""));
        assertEquals(List.of("contact-list-zoltan-1"), search("zoltan*|-(~){}", ""));
        assertEquals(List.of("contact-list-zoltan-1"), search("-zolt", ""), "a leading - is no negation");
    }

    @Test
    void stageAndTagFiltersPageAndSortLikeTheQueue() {
        for (String n : List.of("C", "A", "B")) {
            lead("contact-list-page-" + n.toLowerCase(), 7_500_000_010L + n.charAt(0), "Pagina " + n, "interested",
                    Map.of("tags", List.of("cohort-x7")));
        }
        lead("contact-list-page-d", 7_500_000_100L, "Pagina D", "call_booked", Map.of("tags", List.of("cohort-x7")));
        JsonPath first = list(BOB, "tag=cohort-x7&stage=interested&sort=name&limit=2");
        assertEquals(List.of("contact-list-page-a", "contact-list-page-b"), first.getList("contacts.id"));
        assertEquals(3, first.getInt("filtered_count"));
        assertEquals(2, first.getInt("limit"));
        assertEquals("name", first.getString("sort"));
        assertEquals(List.of("contact-list-page-c"), list(BOB, "tag=cohort-x7&stage=interested&sort=name&limit=2&offset=2")
                .getList("contacts.id"));
        assertEquals(4, list(BOB, "tag=cohort-x7&stage=interested,call_booked").getInt("filtered_count"));
        assertEquals(List.of("cohort-x7"), list(BOB, "tag=COHORT-X7&stage=call_booked").getList("contacts[0].tags"));
    }

    @Test
    void awaitingReplyListsSentLeadsWithoutAnswerOldestFirstWithDaysWaiting() {
        Map<String, Object> tag = Map.of("tags", List.of("await-q1"));
        lead("contact-list-await-new", 7_500_000_201L, "Awaiting New", "contacted",
                Map.of("tags", List.of("await-q1"), "contacted_at", ago(Duration.ofDays(2).plusHours(1))));
        lead("contact-list-await-old", 7_500_000_202L, "Awaiting Old", "contacted",
                Map.of("tags", List.of("await-q1"), "contacted_at", ago(Duration.ofDays(5).plusHours(1))));
        lead("contact-list-await-answered", 7_500_000_203L, "Awaiting Answered", "replied",
                Map.of("tags", List.of("await-q1"), "contacted_at", ago(Duration.ofDays(6)), "replied_at", ago(Duration.ofDays(1))));
        lead("contact-list-await-none", 7_500_000_204L, "Awaiting Pending", "pending", tag);
        JsonPath page = list(ALICE, "awaiting_reply=true&tag=await-q1");
        assertEquals(List.of("contact-list-await-old", "contact-list-await-new"), page.getList("contacts.id"));
        assertEquals(List.of(5, 2), page.getList("contacts.days_waiting"));
        assertEquals("waiting", page.getString("sort"));
    }

    @Test
    void followUpDueListsOpenFollowUpsPastTheirDateAndNotNowLeadsToComeBackTo() {
        List<String> t = List.of("due-q1");
        lead("contact-list-due-yes", 7_500_000_301L, "Due Yes", "contacted", Map.of("tags", t,
                "contacted_at", ago(Duration.ofDays(4)), "follow_up_status", "open", "follow_up_due_at", ago(Duration.ofHours(3))));
        lead("contact-list-due-later", 7_500_000_302L, "Due Later", "contacted", Map.of("tags", t,
                "contacted_at", ago(Duration.ofDays(1)), "follow_up_status", "open",
                "follow_up_due_at", GraphTime.format(Instant.now().plus(Duration.ofDays(2)))));
        lead("contact-list-due-done", 7_500_000_303L, "Due Done", "contacted", Map.of("tags", t,
                "follow_up_status", "done", "follow_up_due_at", ago(Duration.ofDays(1))));
        lead("contact-list-due-notnow", 7_500_000_304L, "Due Notnow", "not_now", Map.of("tags", t,
                "not_now_until", ago(Duration.ofHours(1))));
        JsonPath page = list(ALICE, "follow_up_due=true&tag=due-q1");
        assertEquals(List.of("contact-list-due-yes", "contact-list-due-notnow"), page.getList("contacts.id"));
        assertEquals("due", page.getString("sort"));
    }

    @Test
    void ownerMeListsOnlyTheCallersLeadsOwnerAnyoneTheTeams() {
        List<String> t = List.of("owner-q1");
        lead("contact-list-own-alice", 7_500_000_401L, "Own Alice", "contacted", Map.of("tags", t, "message_owner", "alice"));
        lead("contact-list-own-bob", 7_500_000_402L, "Own Bob", "pending", Map.of("tags", t, "claimed_by", "bob",
                "claimed_until", GraphTime.format(Instant.now().plus(Duration.ofHours(2)))));
        lead("contact-list-own-expired", 7_500_000_403L, "Own Expired", "pending", Map.of("tags", t, "claimed_by", "bob",
                "claimed_until", ago(Duration.ofMinutes(5))));
        assertEquals(List.of("contact-list-own-alice"), list(ALICE, "owner=me&tag=owner-q1").getList("contacts.id"));
        assertEquals(List.of("contact-list-own-bob"), list(BOB, "owner=me&tag=owner-q1").getList("contacts.id"));
        assertEquals(3, list(ALICE, "owner=anyone&tag=owner-q1").getInt("filtered_count"));
        assertEquals(3, list(BOB, "tag=owner-q1").getInt("filtered_count"));
    }

    @Test
    void notesAreTheTeamsAndKeptWithAuthorAndTimeline() {
        String slug = "contact-list-notes-1";
        lead(slug, 7_500_000_501L, "Noted Lead", "replied", Map.of());
        as(BOB).contentType("application/json").body("{\"text\": \"  Prefers calls after 6pm\\nUTC+2 \\u0007 \"}")
                .post("/api/outreach/contacts/" + slug + "/notes").then().statusCode(200)
                .body("contact_id", equalTo(slug)).body("author", equalTo("bob"))
                .body("text", equalTo("Prefers calls after 6pm\nUTC+2"));
        String hostile = "\"}) MATCH (n) DETACH DELETE n // <script>alert(1)</script>";
        as(ALICE).contentType("application/json").body(Map.of("text", hostile))
                .post("/api/outreach/contacts/" + slug + "/notes").then().statusCode(200).body("text", equalTo(hostile));
        JsonPath notes = as(ALICE).get("/api/outreach/contacts/" + slug + "/notes").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("alice", "bob"), notes.getList("notes.author"), "newest first, every member's");
        assertEquals(hostile, notes.getString("notes[0].text"));
        GraphResult events = graph.read("""
                MATCH (:U4_Contact_Lead {slug: $slug})-[:U4_HAS_EVENT]->(e:U4_Lead_Event {kind: 'note_added'})
                RETURN e.actor AS actor ORDER BY e.at""", Map.of("slug", slug)).await().atMost(Duration.ofSeconds(5));
        assertEquals(List.of("bob", "alice"), events.all().stream().map(r -> r.string("actor")).toList());

        String path = "/api/outreach/contacts/" + slug + "/notes";
        as(ALICE).contentType("application/json").body("{\"text\": \"   \"}").post(path).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid_note"));
        as(ALICE).contentType("application/json").body(Map.of("text", "n".repeat(2001))).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("text"));
        as(ALICE).contentType("application/json").body("{\"text\": 5}").post(path).then().statusCode(400)
                .body("code", equalTo("invalid_body"));
        as(ALICE).contentType("application/json").body("{\"text\": \"hi\"}")
                .post("/api/outreach/contacts/contact-list-nobody/notes").then().statusCode(404);
        as(ALICE).get("/api/outreach/contacts/contact-list-nobody/notes").then().statusCode(404);
        given().get(path).then().statusCode(401);
        assertEquals(2, as(BOB).get(path).then().extract().jsonPath().getList("notes").size(), "refused notes stored nothing");
    }

    @Test
    void tagsAreNormalisedFilterableAndShownOnTheContact() {
        String slug = "contact-list-tags-1";
        lead(slug, 7_500_000_601L, "Tagged Lead", "interested", Map.of());
        String path = "/api/outreach/contacts/" + slug + "/tags";
        as(ALICE).contentType("application/json").body("{\"tags\": [\" Hot \", \"hot\", \"tag-z9\", \"día_1\"]}").put(path)
                .then().statusCode(200).body("tags", equalTo(List.of("hot", "tag-z9", "día_1")));
        assertEquals(List.of(slug), list(BOB, "tag=tag-z9").getList("contacts.id"));
        as(BOB).get("/api/outreach/contacts/" + slug).then().statusCode(200)
                .body("pipeline.tags", equalTo(List.of("hot", "tag-z9", "día_1")))
                .body("pipeline.stage", equalTo("interested"));

        as(ALICE).contentType("application/json").body("{\"tags\": [\"ok\", \"a b\"]}").put(path).then().statusCode(400)
                .body("code", equalTo("invalid_tag")).body("errors[0].field", equalTo("tags[1]"));
        as(ALICE).contentType("application/json").body("{\"tags\": [\"x,y]\"]}").put(path).then().statusCode(400);
        as(ALICE).contentType("application/json").body(Map.of("tags", java.util.Collections.nCopies(21, "t"))).put(path)
                .then().statusCode(400).body("detail", containsString("at most 20"));
        as(ALICE).contentType("application/json").body("{\"tags\": \"hot\"}").put(path).then().statusCode(400)
                .body("code", equalTo("invalid_body"));
        as(ALICE).contentType("application/json").body("{\"tags\": [1]}").put(path).then().statusCode(400)
                .body("errors[0].field", equalTo("tags[0]"));
        as(BOB).get("/api/outreach/contacts/" + slug).then().body("pipeline.tags", equalTo(List.of("hot", "tag-z9", "día_1")));

        as(BOB).contentType("application/json").body("{\"tags\": []}").put(path).then().statusCode(200)
                .body("tags", equalTo(List.of()));
        assertEquals(0, list(BOB, "tag=tag-z9").getInt("filtered_count"));
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        for (String[] bad : List.of(new String[]{"stage=hired", "stage"}, new String[]{"stage=pending,x", "stage"},
                new String[]{"sort=random", "sort"}, new String[]{"owner=them", "owner"}, new String[]{"limit=0", "limit"},
                new String[]{"limit=1000", "limit"}, new String[]{"offset=-1", "offset"},
                new String[]{"awaiting_reply=yes", "awaiting_reply"}, new String[]{"follow_up_due=1", "follow_up_due"},
                new String[]{"tag=a%20b", "tag"}, new String[]{"q=" + "x".repeat(201), "q"})) {
            as(ALICE).get("/api/outreach/contacts?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[1]));
        }
        given().get("/api/outreach/contacts").then().statusCode(401);
        assertTrue(list(ALICE, "limit=5").getList("contacts").size() <= 5);
    }
}
