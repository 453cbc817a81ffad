package com.scopelock.outreach.api.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.api.TestLeads;
import com.scopelock.outreach.api.graph.ContactDataRepository;
import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.GraphTime;
import com.scopelock.outreach.api.graph.LeadRepository;
import com.scopelock.outreach.api.service.InboxService;
import com.scopelock.outreach.api.service.QueueService;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.model.ReplyDetected;
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
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET …/export and DELETE /api/outreach/contacts/{id} on a real FalkorDB (and Kafka for the watch tombstones). */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class ContactDataIT {
    static final String ALICE = TestJwt.bearer("alice");
    static final String BOB = TestJwt.bearer("bob");

    @Inject
    FalkorGraphClient graph;
    @Inject
    QueueService queue;
    @Inject
    InboxService inbox;
    @Inject
    LeadRepository leads;

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer);
    }

    /** A lead alice wrote to (message text known), with a note, a tag and a reply. */
    private void workedLead(String slug, long telegramId) {
        TestLeads.write(graph, queue, slug, telegramId, "Gdpr Lead", "contacted", null, null);
        graph.write("""
                MATCH (c:U4_Contact_Lead {slug: $slug}) SET c.created_at = $t, c.created_by = 'lead-ingest', c.contacted_at = $t
                CREATE (c)-[:U4_HAS_MESSAGE]->(:U4_Outreach_Message {slug: $message, owner: 'alice', is_sent: true, version: 1,
                        message_text: 'Hey Gdpr, the first line', generated_by: 'maya', generated_at: $t, sent_at: $t, sent_by: 'alice'})""",
                Map.of("slug", slug, "message", slug.replace("contact-", "message-"),
                        "t", GraphTime.format(Instant.now().minusSeconds(120)))).await().atMost(Duration.ofSeconds(5));
        inbox.onReply(ReplyDetected.of("alice", "conv-" + telegramId + "-alice", telegramId, 21L, "my reply text",
                Instant.now(), Instant.now())).await().atMost(Duration.ofSeconds(5));
        as(BOB).contentType("application/json").body("{\"text\": \"met at the hackathon\"}")
                .post("/api/outreach/contacts/" + slug + "/notes").then().statusCode(200);
        as(BOB).contentType("application/json").body("{\"tags\": [\"gdpr-t1\"]}")
                .put("/api/outreach/contacts/" + slug + "/tags").then().statusCode(200);
    }

    private long count(String cypher, Map<String, Object> params) {
        return graph.read(cypher, params).await().atMost(Duration.ofSeconds(5)).row(0).number("n");
    }

    private void reimport(long telegramId, String name) {
        ObjectNode analysis = JsonCodec.mapper().createObjectNode();
        leads.upsert(List.of(LeadUpserted.of("alice", "import-gdpr", new LeadData(telegramId, name, "group", "hustler",
                5, 6, List.of(), analysis), Instant.now()))).await().atMost(Duration.ofSeconds(5));
        queue.invalidateCounts();
    }

    @Test
    void theExportHoldsEverythingKeptAboutTheLead() {
        String slug = "contact-gdpr-export-1";
        workedLead(slug, 7_700_000_001L);
        JsonPath export = as(BOB).get("/api/outreach/contacts/" + slug + "/export").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(slug, export.getString("contact.lead.id"));
        assertEquals("bob", export.getString("exported_by"));
        assertEquals(List.of("gdpr-t1"), export.getList("contact.pipeline.tags"));
        assertEquals("met at the hackathon", export.getString("notes[0].text"));
        assertEquals("Hey Gdpr, the first line", export.getString("messages[0].text"));
        assertEquals("my reply text", export.getString("replies[0].text"));
        assertTrue(export.getList("timeline.kind").containsAll(List.of("imported", "generated", "sent", "replied",
                "note_added", "tags_changed")), export.getList("timeline.kind").toString());
        as(BOB).get("/api/outreach/contacts/contact-gdpr-nobody/export").then().statusCode(404);
        as(BOB).get("/api/outreach/contacts/NOPE/export").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/outreach/contacts/" + slug + "/export").then().statusCode(401);
    }

    @Test
    void erasingForgetsTheLeadAndAReimportStartsFromNothing() {
        String slug = "contact-gdpr-erase-1";
        long telegramId = 7_700_000_002L;
        workedLead(slug, telegramId);
        as(ALICE).delete("/api/outreach/contacts/" + slug).then().statusCode(200)
                .body("contact_id", equalTo(slug)).body("erased.lead", equalTo(1)).body("erased.messages", equalTo(1))
                .body("erased.notes", equalTo(1)).body("erased.conversations", equalTo(1))
                .body("erased.replies", equalTo(1)).body("watches_withdrawn", equalTo(1))
                .body("suppressed", equalTo(false));
        as(ALICE).get("/api/outreach/contacts/" + slug).then().statusCode(404);
        Map<String, Object> p = Map.of("id", telegramId, "slug", slug);
        assertEquals(0, count("MATCH (c:U4_Contact_Lead {telegram_id: $id}) RETURN count(c) AS n", p));
        assertEquals(0, count("MATCH (x:U4_Telegram_Conversation {contact_telegram_id: $id}) RETURN count(x) AS n", p));
        assertEquals(0, count("MATCH (x) WHERE x.lead = $slug RETURN count(x) AS n", p), "no note or event is left");
        assertEquals(0, count("MATCH (x:U4_Telegram_Reply {conversation: 'conv-7700000002-alice'}) RETURN count(x) AS n", p));
        as(ALICE).delete("/api/outreach/contacts/" + slug).then().statusCode(404);

        reimport(telegramId, "Gdpr Lead");
        String again = as(BOB).queryParam("q", String.valueOf(telegramId)).get("/api/outreach/contacts").then()
                .statusCode(200).extract().jsonPath().getString("contacts[0].id");
        as(BOB).get("/api/outreach/contacts/" + again).then().statusCode(200).body("outreach_status", equalTo("pending"))
                .body("pipeline.tags", equalTo(List.of()));
        as(BOB).get("/api/outreach/contacts/" + again + "/notes").then().body("notes", equalTo(List.of()));
        assertEquals(List.of("imported"), as(BOB).get("/api/outreach/contacts/" + again + "/timeline").then()
                .extract().jsonPath().getList("events.kind"));
    }

    @Test
    void anErasedDoNotContactLeadStaysBlockedByItsHashedIdOnly() {
        String slug = "contact-gdpr-dnc-1";
        long telegramId = 7_700_000_003L;
        TestLeads.write(graph, queue, slug, telegramId, "Blocked Lead", "pending", null, null);
        as(ALICE).contentType("application/json").body("{\"reason\": \"asked to be forgotten\"}")
                .post("/api/outreach/contacts/" + slug + "/do-not-contact").then().statusCode(200);
        as(ALICE).delete("/api/outreach/contacts/" + slug).then().statusCode(200).body("suppressed", equalTo(true));
        Map<String, Object> p = Map.of("hash", ContactDataRepository.idHash(telegramId), "id", telegramId);
        assertEquals(1, count("MATCH (s:U4_Suppressed {id_hash: $hash}) RETURN count(s) AS n", p));
        reimport(telegramId, "Blocked Lead");
        assertEquals(0, count("MATCH (c:U4_Contact_Lead {telegram_id: $id}) RETURN count(c) AS n", p),
                "a re-import does not bring it back");
    }

    @Test
    void anotherMembersClaimOrABadIdRefusesTheErasure() {
        String slug = "contact-gdpr-claimed-1";
        TestLeads.write(graph, queue, slug, 7_700_000_004L, "Claimed Lead", "pending", "alice",
                Instant.now().plus(Duration.ofHours(1)));
        as(BOB).delete("/api/outreach/contacts/" + slug).then().statusCode(409).body("code", equalTo("claimed_by_other"));
        as(BOB).get("/api/outreach/contacts/" + slug).then().statusCode(200);
        as(BOB).delete("/api/outreach/contacts/x'%20OR%201=1").then().statusCode(400).body("code", equalTo("invalid_parameter"));
        given().delete("/api/outreach/contacts/" + slug).then().statusCode(401);
    }
}
