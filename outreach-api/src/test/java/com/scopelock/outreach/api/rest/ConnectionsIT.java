package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.SampleLeads;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.model.LeadLinks;
import com.scopelock.outreach.model.LeadLinks.ChatLink;
import com.scopelock.outreach.model.LeadLinks.ReplyLink;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.rules.Slugs;
import com.scopelock.outreach.testsupport.FalkorDbTestResource;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Who knows whom: leads with links travel lead-upserts (real Kafka) → real FalkorDB (chats, memberships, replies)
 * → GET /api/outreach/contacts/{id}/connections, strongest first. Links arriving before the other lead of a reply
 * pair still link the pair when that lead arrives; a re-import keeps the lead's stage.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FalkorDbTestResource.class, restrictToAnnotatedClass = false)
class ConnectionsIT {
    private static final String ALICE = TestJwt.bearer("alice");
    private static final ChatLink CHAT_A = new ChatLink("telegram:7001", "Solana Builders 🛠", "group", 10, List.of("alice"));
    private static final ChatLink CHAT_B = new ChatLink("telegram:7002", "UBC Raiders", "group", 3, List.of("alice", "bob"));
    private static final ChatLink CHAT_C = new ChatLink("telegram:7003", "Elsewhere", "group", 1, List.of());

    private static LeadUpserted lead(long id, String name, int hustler, LeadLinks links) {
        LeadData data = new LeadData(id, name, "group", "hustler", 0, hustler, List.of(),
                JsonCodec.mapper().createObjectNode());
        return LeadUpserted.of("alice", "connections-it", data, links, Instant.now());
    }

    private static JsonPath connections(long id, String name) {
        return given().header("Authorization", ALICE).get("/api/outreach/contacts/" + Slugs.contact(name, id) + "/connections")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitConnections(long id, String name, Predicate<JsonPath> done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonPath answer = null;
        while (System.nanoTime() < deadline) {
            var response = given().header("Authorization", ALICE)
                    .get("/api/outreach/contacts/" + Slugs.contact(name, id) + "/connections");
            if (response.statusCode() == 200) {
                answer = response.jsonPath();
                if (done.test(answer)) {
                    return answer;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("connections of " + name + " never as expected: " + (answer == null ? null : answer.prettify()));
    }

    @Test
    void strongestFirstWithSharedChatsAndReplies() {
        // Ana first, alone: her replies with Dmitri cannot link yet (he is not in the graph)
        SampleLeads.publishEvents(List.of(lead(880001, "Ana", 5, new LeadLinks(List.of(CHAT_A, CHAT_B),
                List.of(new ReplyLink(880002, null, 4), new ReplyLink(9, "bob", 2))))));
        awaitConnections(880001, "Ana", a -> a.getList("connections").size() == 2);
        SampleLeads.publishEvents(List.of(
                lead(880002, "Dmitri", 3, new LeadLinks(List.of(CHAT_A),
                        List.of(new ReplyLink(880001, null, 4), new ReplyLink(880005, null, 1)))),
                lead(880003, "Wei", 2, new LeadLinks(List.of(CHAT_B), List.of())),
                lead(880004, "Outsider", 2, new LeadLinks(List.of(CHAT_C), List.of())),
                lead(880005, "Kai", 2, new LeadLinks(List.of(CHAT_C), List.of(new ReplyLink(880002, null, 1))))));

        JsonPath ana = awaitConnections(880001, "Ana", a -> a.getList("connections").size() == 4);
        assertEquals(Slugs.contact("Ana", 880001), ana.getString("contact_id"));
        // Wei only shares a big chat with Ana: not a connection; Kai is two reply hops away, through Dmitri
        assertEquals(List.of("Dmitri", "bob", "alice", "Kai"), ana.getList("connections.name"));
        assertEquals(List.of("lead", "team_member", "team_member", "lead"), ana.getList("connections.kind"));
        assertEquals(List.of(4, 2, 0, 0), ana.getList("connections.reply_count"));
        assertEquals(List.of(1, 1, 2, 0), ana.getList("connections.shared_chat_count"));
        assertEquals(List.of("Solana Builders 🛠"), ana.getList("connections[0].shared_chats"));
        assertEquals(List.of("UBC Raiders"), ana.getList("connections[1].shared_chats"));
        assertEquals(List.of("Solana Builders 🛠", "UBC Raiders"), ana.getList("connections[2].shared_chats"));
        assertEquals(Slugs.contact("Dmitri", 880002), ana.getString("connections[0].id"));
        assertEquals(880002L, ana.getLong("connections[0].telegram_id"));
        assertNull(ana.get("connections[1].id"));
        assertNull(ana.get("connections[0].via"));
        assertEquals("Dmitri", ana.getString("connections[3].via"));

        JsonPath dmitri = connections(880002, "Dmitri");
        assertEquals(List.of("Ana", "Kai", "alice"), dmitri.getList("connections.name"));
        assertEquals(List.of(4, 1, 0), dmitri.getList("connections.reply_count"));
        assertEquals(List.of(), connections(880004, "Outsider").getList("connections"));
        assertEquals(List.of("Dmitri"), given().header("Authorization", ALICE)
                .get("/api/outreach/contacts/" + Slugs.contact("Ana", 880001) + "/connections?limit=1")
                .then().statusCode(200).extract().jsonPath().getList("connections.name"));
    }

    @Test
    void aLeadFileGroupMeetsAnExportChatOfTheSameNameAndAReimportKeepsTheStage() {
        ChatLink fromLeadFile = new ChatLink("group:Raid Club", "Raid Club", "group", 0, List.of());
        ChatLink fromExport = new ChatLink("group:Raid Club", "Raid Club", "group", 7, List.of("bob"));
        SampleLeads.publishEvents(List.of(lead(880011, "Lena", 4, new LeadLinks(List.of(fromLeadFile), List.of())),
                lead(880012, "Mo", 4, new LeadLinks(List.of(fromExport), List.of()))));
        JsonPath lena = awaitConnections(880011, "Lena", a -> a.getList("connections").size() == 1);
        assertEquals("bob", lena.getString("connections[0].name"));
        assertEquals(List.of("Raid Club"), lena.getList("connections[0].shared_chats"));

        String slug = Slugs.contact("Lena", 880011);
        given().header("Authorization", ALICE).contentType("application/json").body("{\"reason\":\"not a fit\"}")
                .post("/api/outreach/contacts/" + slug + "/reject").then().statusCode(200);
        SampleLeads.publishEvents(List.of(lead(880011, "Lena", 9, new LeadLinks(List.of(fromLeadFile), List.of()))));
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonPath contact;
        do {
            contact = given().header("Authorization", ALICE).get("/api/outreach/contacts/" + slug).then().statusCode(200)
                    .extract().jsonPath();
        } while (contact.getInt("hustler_score") != 9 && System.nanoTime() < deadline);
        assertEquals(9, contact.getInt("hustler_score"));
        assertEquals("rejected", contact.getString("outreach_status"));
        assertEquals(List.of("bob"), connections(880011, "Lena").getList("connections.name"));
    }

    @Test
    void badRequests() {
        given().header("Authorization", ALICE).get("/api/outreach/contacts/contact-nobody-1/connections")
                .then().statusCode(404).contentType(containsString("application/problem+json"))
                .body("code", equalTo("contact_not_found"));
        given().header("Authorization", ALICE).get("/api/outreach/contacts/contact-nobody-1/connections?limit=0")
                .then().statusCode(400).body("code", equalTo("invalid_parameter"));
        given().get("/api/outreach/contacts/contact-nobody-1/connections").then().statusCode(401);
    }
}
