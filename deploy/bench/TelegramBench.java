import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 14's benchmark driver (deploy/bench/telegram runs it against its own stack): a generated Telegram export
 * (TelegramExportGenerator of test-support) imported through the real path (HTTP → lead-ingest → Kafka → outreach-api
 * → FalkorDB) until every lead is queryable, then GET …/connections latency; each beside its floor in the same run:
 * a bare Jackson streaming pass over the export plus outreach-api's own lead and chat-link writes straight into
 * FalkorDB (no scoring, no validation, no Kafka), and the connection queries straight against FalkorDB.
 * Multi-file source launch: uses GraphHistory's RESP client and query reflection (same directory).
 */
public class TelegramBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path file = Path.of(o.get("file"));
        String token = o.get("token");
        int port = Integer.parseInt(o.get("falkordb-port"));
        String graph = o.getOrDefault("graph", "scopelock");
        int samples = Integer.parseInt(o.getOrDefault("samples", "300"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("load_start", loadavg());
        r.put("file_bytes", Files.size(file));

        long t = System.nanoTime();
        long messages = parseFloor(file);
        r.put("messages", messages);
        r.put("floor_parse_s", secs(System.nanoTime() - t));

        long start = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(o.get("ingest") + "/api/leads/import?import_id=bench-tg-" + System.currentTimeMillis()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(20)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("import answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonNode report = JSON.readTree(answer.body());
        long accepted = report.get("accepted").asLong();
        r.put("import_answer_s", secs(System.nanoTime() - start));
        r.put("accepted", accepted);
        r.put("rejected", report.get("rejected").asLong());
        r.put("load_after_import", loadavg());
        while (queueTotal(o.get("api"), token) < accepted) {
            Thread.sleep(200);
            if (System.nanoTime() - start > 1_200_000_000_000L) {
                throw new IllegalStateException("not all leads queryable after 20 min");
            }
        }
        r.put("queryable_s", secs(System.nanoTime() - start));
        try (GraphHistory.Resp s = new GraphHistory.Resp(port)) {
            long previous = -1;
            long count;
            while ((count = GraphHistory.scalar(s, graph, "MATCH ()-[m:U4_MEMBER_OF]->() RETURN count(m)")) != previous) {
                previous = count;
                Thread.sleep(1500);
            }
            r.put("links_settled_s", secs(System.nanoTime() - start - 1_500_000_000L));
            r.put("memberships", count);
            r.put("reply_edges", GraphHistory.scalar(s, graph, "MATCH ()-[e:U4_REPLIED]->() RETURN count(e)"));
            r.put("leads_in_graph", GraphHistory.scalar(s, graph, "MATCH (c:U4_Contact_Lead) RETURN count(c)"));
            r.put("floor_graph_write_s", graphFloor(s, (int) accepted));
            r.put("floor_total_s", Math.round(((double) r.get("floor_parse_s") + (double) r.get("floor_graph_write_s")) * 10) / 10.0);

            List<String> slugs = new ArrayList<>();
            List<?> rows = (List<?>) ((List<?>) s.call(List.of("GRAPH.RO_QUERY", graph,
                    "MATCH (c:U4_Contact_Lead) WHERE c.telegram_id % 97 = 0 RETURN c.slug LIMIT " + samples))).get(1);
            rows.forEach(row -> slugs.add(String.valueOf(((List<?>) row).get(0))));
            String ana = GraphHistory.leadSlug(planted("ANA", "name"), (Long) plantedId("ANA"));
            slugs.add(0, ana);
            r.put("load_before_connections", loadavg());
            for (int i = 0; i < 30; i++) {
                connections(o.get("api"), token, slugs.get(i % slugs.size()));
            }
            List<Double> api = new ArrayList<>();
            for (String slug : slugs) {
                long c = System.nanoTime();
                connections(o.get("api"), token, slug);
                api.add((System.nanoTime() - c) / 1e6);
            }
            List<Double> floor = new ArrayList<>();
            for (String slug : slugs) {
                floor.add(connectionsFloor(s, graph, slug));
            }
            r.put("connections", percentiles(api));
            r.put("connections_floor", percentiles(floor));
            r.put("load_end", loadavg());
            JsonNode anaConnections = connections(o.get("api"), token, ana);
            JsonNode anaLead = get(o.get("api") + "/api/outreach/contacts/" + ana, token);
            Map<String, Object> checks = new LinkedHashMap<>();
            checks.put("ana_hustler_score", anaLead.get("hustler_score").asInt() + " (expected " + expected("hustlerScore") + ")");
            checks.put("ana_supervisor_score", anaLead.get("supervisor_score").asInt() + " (expected " + expected("supervisorScore") + ")");
            checks.put("ana_first_connection", anaConnections.at("/connections/0/name").asText() + " with "
                    + anaConnections.at("/connections/0/reply_count").asInt() + " replies (expected "
                    + planted("DMITRI", "name") + " with 4)");
            r.put("checks", checks);
        }
        String out = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r);
        Files.writeString(Path.of(o.get("json-out")), out);
        System.out.println(out);
    }

    /** The export read with Jackson's streaming parser and nothing else: the least any import must spend on it. */
    static long parseFloor(Path file) throws Exception {
        long messages = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory().createParser(in)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT) {
                    // an object in an array that is the value of a "messages" field: a message
                    var array = p.getParsingContext().getParent();
                    var holder = array == null ? null : array.getParent();
                    if (array != null && array.inArray() && holder != null && "messages".equals(holder.getCurrentName())) {
                        messages++;
                    }
                }
            }
        }
        return messages;
    }

    /** outreach-api's own lead upsert and chat-link queries for the same number of leads, straight into a scratch graph. */
    static double graphFloor(GraphHistory.Resp s, int leads) throws Exception {
        String g = "bench-floor";
        s.call(List.of("GRAPH.QUERY", g, "CREATE INDEX FOR (n:U4_Contact_Lead) ON (n.telegram_id)"));
        s.call(List.of("GRAPH.QUERY", g, "CREATE INDEX FOR (n:U4_Chat) ON (n.key)"));
        String upsert = GraphHistory.query("LeadRepository", "UPSERT");
        String link = GraphHistory.query("ConnectionRepository", "LINK_CHATS");
        String analysis = "{\"signals\":{\"raider\":2,\"hustler\":1},\"sample_messages\":[\"Raided the thread, 20 likes in\"],\"groups\":[\"UBC Raiders\"],\"message_count\":7}";
        String matching = "[{\"message_id\":123,\"date\":\"2024-01-01T00:00:00\",\"text_snippet\":\"Raided the thread, 20 likes in\",\"signal_type\":\"raider\"}]";
        long start = System.nanoTime();
        for (int from = 0; from < leads; from += 500) {
            List<Map<String, Object>> rows = new ArrayList<>();
            List<Map<String, Object>> chats = new ArrayList<>();
            for (int i = from; i < Math.min(leads, from + 500); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("telegram_id", 5_000_000L + i);
                row.put("slug", "contact-floor-" + i);
                row.put("actor", "bench");
                row.put("name", "Floor " + i);
                row.put("chat_type", "group");
                row.put("profile_type", "hustler");
                row.put("supervisor_score", 1);
                row.put("hustler_score", 7);
                row.put("total_score", 8);
                row.put("top_signals", "[\"raider\",\"hustler\"]");
                row.put("sample_messages", "[\"Raided the thread, 20 likes in\"]");
                row.put("matching_messages", matching);
                row.put("analysis_data", analysis);
                rows.add(row);
                for (int c = 0; c < 2; c++) {
                    chats.add(Map.of("telegram_id", 5_000_000L + i, "key", "group:Chat " + ((i + c) % 10),
                            "name", "Chat " + ((i + c) % 10), "chat_type", "group", "messages", 3));
                }
            }
            s.call(List.of("GRAPH.QUERY", g, GraphHistory.header(Map.of("now", "2026-12-03T00:00:00Z", "leads", rows)) + upsert));
            s.call(List.of("GRAPH.QUERY", g, GraphHistory.header(Map.of("rows", chats)) + link));
        }
        double seconds = secs(System.nanoTime() - start);
        s.call(List.of("GRAPH.DELETE", g));
        return seconds;
    }

    /** The queries GET …/connections runs, in its order, straight against FalkorDB (ms for all of them). */
    static double connectionsFloor(GraphHistory.Resp s, String graph, String slug) throws Exception {
        long start = System.nanoTime();
        for (String name : List.of("TEAM", "TEAM_REPLIES", "CHATS_OF_TEAM", "LEADS", "LEADS_TWO_HOPS", "CHATS_OF_LEAD")) {
            Map<String, Object> params = name.equals("LEADS_TWO_HOPS") ? Map.of("slug", slug, "limit", 20) : Map.of("slug", slug);
            Object reply = s.call(List.of("GRAPH.RO_QUERY", graph, GraphHistory.header(params) + GraphHistory.query("ConnectionRepository", name)));
            if (name.equals("LEADS")) {
                List<String> slugs = new ArrayList<>();
                ((List<?>) ((List<?>) reply).get(1)).forEach(row -> slugs.add(String.valueOf(((List<?>) row).get(0))));
                if (!slugs.isEmpty()) {
                    s.call(List.of("GRAPH.RO_QUERY", graph, GraphHistory.header(Map.of("slugs", slugs))
                            + GraphHistory.query("ConnectionRepository", "CHATS_OF_LEADS")));
                }
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static JsonNode connections(String api, String token, String slug) throws Exception {
        return get(api + "/api/outreach/contacts/" + slug + "/connections", token);
    }

    static long queueTotal(String api, String token) throws Exception {
        return get(api + "/api/outreach/queue?limit=1", token).get("total_count").asLong();
    }

    static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static Object plantedField(String name) throws Exception {
        return Class.forName("com.scopelock.outreach.testsupport.TelegramExportGenerator").getField(name).get(null);
    }

    static String planted(String person, String accessor) throws Exception {
        Object p = plantedField(person);
        return String.valueOf(p.getClass().getMethod(accessor).invoke(p));
    }

    static Object plantedId(String person) throws Exception {
        Object p = plantedField(person);
        return p.getClass().getMethod("telegramId").invoke(p);
    }

    static Object expected(String method) throws Exception {
        Class<?> gen = Class.forName("com.scopelock.outreach.testsupport.TelegramExportGenerator");
        Object ana = plantedField("ANA");
        return gen.getMethod(method, ana.getClass()).invoke(null, ana);
    }

    static Map<String, Object> percentiles(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("requests", sorted.size());
        for (int q : new int[]{50, 95, 99}) {
            p.put("p" + q + "_ms", Math.round(sorted.get(Math.min(sorted.size() - 1, (int) Math.round(q / 100.0 * (sorted.size() - 1)))) * 10) / 10.0);
        }
        return p;
    }

    static double secs(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    static String loadavg() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
