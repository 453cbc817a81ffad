import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a realistic outreach history into one or more FalkorDB servers with outreach-api's OWN queries (the
 * {@code static final String} constants of its graph repositories and {@code GraphSchema}'s indexes, read by
 * reflection from its jar; parameters rendered by its {@code CypherParams}), and fingerprints a graph.
 * Run with outreach-api's jars on the class path (deploy/bench/recovery and deploy/local/test-backup-restore do):
 *
 *   java -cp 'outreach-api/target/quarkus-app/app/*:outreach-api/target/quarkus-app/lib/main/*' \
 *        deploy/bench/GraphHistory.java load --leads N --ports P1[,P2...] [--offset K] [--graph scopelock] [--seed S]
 *   java -cp ... deploy/bench/GraphHistory.java fingerprint --port P [--graph scopelock]
 *
 * load: imports N leads (UNWIND chunks of 500, as the lead-upserts consumer does), re-imports all of them with new
 * scores (an analysis run again), then per member claims ~20% of the leads, generates a message (10% twice), marks
 * ~70% of those sent (half by hand, half by sent detection), stores 1-3 replies for ~35% of the sent ones with
 * the lead link, the message link and a label, marks half of those conversations read, and re-imports 10% of the
 * leads once more. --offset K numbers the leads from K (more leads and history on top of a graph). Every command goes to every port in the same order (pipelined), so two servers with different
 * persistence settings hold the same history. Prints one JSON line with the command counts.
 * fingerprint: one JSON line with the counts of leads, messages, replies, conversations, sent messages and replied
 * leads, and a SHA-256 over every lead, message and reply (ids and the fields the history changed).
 */
public class GraphHistory {
    static final String[] OWNERS = {"alice", "bob", "chiara", "dmitri", "esra"};
    static final String[] SENTIMENTS = {"positive", "neutral", "negative"};
    static final String[] INTENTS = {"interested", "question", "not_interested", "later"};
    /** Prompt variants of issue 13, by lead (no draw from the random sequence, so older histories stay the same). */
    static final String[] VARIANTS = {"concise", "warm", "template"};
    static final String[] GIVEN = {"Ana", "Bilal", "Chen", "Dara", "Eitan", "Fatima", "Goran", "Hana", "Дарья", "Σοφία",
            "アキラ", "Søren", "D'Arcy", "🔥 Kai", "Ngozi", "Ayşe"};
    static final String[] SNIPPETS = {"Posted %d replies on the campaign thread", "I reviewed %d submissions and flagged the fakes",
            "Raid complete, %d likes", "Built a dashboard for %d wallets", "Any paid tasks this week? %d", "Set up a rota for the %d new members"};
    static final int CHUNK = 500;
    /** Share of leads that get a message (GRAPH_HISTORY_CLAIM_PERCENT; the analytics bench raises it for 20k sent). */
    static final int CLAIM_PERCENT = Integer.parseInt(System.getenv().getOrDefault("GRAPH_HISTORY_CLAIM_PERCENT", "20"));
    static final int PIPELINE = 100;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String graph = opts.getOrDefault("graph", "scopelock");
        switch (args.length == 0 ? "" : args[0]) {
            case "load" -> load(graph, Integer.parseInt(opts.get("leads")), Integer.parseInt(opts.getOrDefault("offset", "0")),
                    opts.get("ports").split(","), Long.parseLong(opts.getOrDefault("seed", "20261203")));
            case "fingerprint" -> fingerprint(graph, Integer.parseInt(opts.get("port")));
            case "analytics-floor" -> analyticsFloor(graph, Integer.parseInt(opts.get("port")),
                    Integer.parseInt(opts.getOrDefault("runs", "300")), opts.getOrDefault("owner", "alice"));
            default -> {
                System.err.println("usage: GraphHistory load --leads N --ports P1[,P2] | fingerprint --port P"
                        + " | analytics-floor --port P [--runs N] [--owner alice]");
                System.exit(64);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- the queries
    static String query(String cls, String field) throws ReflectiveOperationException {
        Field f = Class.forName("com.scopelock.outreach.api.graph." + cls).getDeclaredField(field);
        f.setAccessible(true);
        return (String) f.get(null);
    }

    static String header(Map<String, ?> params) throws ReflectiveOperationException {
        Method m = Class.forName("com.scopelock.outreach.api.graph.CypherParams").getMethod("header", Map.class);
        return (String) m.invoke(null, params);
    }

    static String leadSlug(String name, long telegramId) throws ReflectiveOperationException {
        Method m = Class.forName("com.scopelock.outreach.rules.Slugs").getMethod("contact", String.class, long.class);
        return (String) m.invoke(null, name, telegramId);
    }

    /** GraphSchema's index and unique-constraint commands, as it sends them at startup. */
    static List<List<String>> schemaCommands(String graph) throws ReflectiveOperationException {
        List<List<String>> commands = new ArrayList<>();
        Class<?> schema = Class.forName("com.scopelock.outreach.api.graph.GraphSchema");
        for (String list : new String[]{"INDEXES", "UNIQUE"}) {
            Field f = schema.getDeclaredField(list);
            f.setAccessible(true);
            for (Object index : (List<?>) f.get(null)) {
                Method label = index.getClass().getDeclaredMethod("label");
                Method property = index.getClass().getDeclaredMethod("property");
                label.setAccessible(true);
                property.setAccessible(true);
                String l = (String) label.invoke(index);
                String p = (String) property.invoke(index);
                commands.add(list.equals("INDEXES")
                        ? List.of("GRAPH.QUERY", graph, "CREATE INDEX FOR (n:" + l + ") ON (n." + p + ")")
                        : List.of("GRAPH.CONSTRAINT", "CREATE", graph, "UNIQUE", "NODE", l, "PROPERTIES", "1", p));
            }
        }
        return commands;
    }

    // ------------------------------------------------------------------------------------------------- load
    record Lead(long telegramId, String name, String slug) {
    }

    static void load(String graph, int count, int offset, String[] ports, long seed) throws Exception {
        Random rng = new Random(seed + offset);
        List<Resp> servers = new ArrayList<>();
        for (String port : ports) {
            servers.add(new Resp(Integer.parseInt(port)));
        }
        Batch batch = new Batch(servers);
        for (List<String> c : schemaCommands(graph)) {
            batch.sendTolerating(c, "already indexed", "already exists");
        }
        batch.flush();
        // the constraint is built asynchronously; the upserts need it to be there
        for (Resp s : servers) {
            s.awaitConstraints(graph);
        }
        String upsert = query("LeadRepository", "UPSERT");
        String claim = query("ClaimRepository", "CLAIM");
        String create = query("MessageRepository", "CREATE");
        String markSent = query("MessageRepository", "MARK_SENT");
        String upsertReply = query("ConversationRepository", "UPSERT_REPLY");
        String linkLead = query("ConversationRepository", "LINK_LEAD");
        String linkMessage = query("ConversationRepository", "LINK_MESSAGE");
        String label = query("LabelRepository", "STORE");
        String sentDetected = query("ConversationRepository", "SENT_DETECTED");
        String markRead = query("ConversationRepository", "MARK_READ");

        List<Lead> leads = new ArrayList<>(count);
        for (int i = offset; i < offset + count; i++) {
            long id = 10_000_000_000L + i * 7919L + rng.nextInt(7000);
            String name = GIVEN[rng.nextInt(GIVEN.length)] + " " + i;
            leads.add(new Lead(id, name, leadSlug(name, id)));
        }
        Instant clock = Instant.parse("2026-11-01T08:00:00Z");
        importLeads(batch, graph, upsert, leads, rng, clock);
        clock = clock.plusSeconds(86_400);
        importLeads(batch, graph, upsert, leads, rng, clock); // the analysis run again: every lead updated
        int messages = 0, sent = 0, replies = 0;
        for (Lead lead : leads) {
            if (rng.nextInt(100) >= CLAIM_PERCENT) {
                continue;
            }
            clock = clock.plusMillis(1 + rng.nextInt(2_000));
            String owner = OWNERS[rng.nextInt(OWNERS.length)];
            String now = time(clock);
            batch.send(cypher(graph, claim, params("slug", lead.slug(), "owner", owner, "now", now,
                    "until", time(clock.plusSeconds(86_400)))));
            String messageSlug = null;
            for (int version = 0, versions = rng.nextInt(10) == 0 ? 2 : 1; version < versions; version++) {
                messageSlug = "message-" + lead.slug().substring("contact-".length()) + "-" + Long.toHexString(rng.nextLong() >>> 32);
                String text = "Hey " + lead.name() + ", saw your note \"" + SNIPPETS[rng.nextInt(SNIPPETS.length)].formatted(rng.nextInt(300))
                        + "\" and wondered whether you would like to help run our community shifts?";
                batch.send(cypher(graph, create, params("contact", lead.slug(), "owner", owner, "slug", messageSlug,
                        "text", text, "context", "{\"hook\":{\"message_id\":" + rng.nextInt(5_000_000) + ",\"signal_type\":\"hustler\"},\"signals_used\":[\"hustler\"],\"message_referenced\":true}",
                        "generated_by", "maya", "warning", null, "correlation_id", Long.toHexString(rng.nextLong()), "now", now,
                        "variant", VARIANTS[(int) Math.floorMod(lead.telegramId(), (long) VARIANTS.length)], "experiment", "bench-1",
                        "hook_type", "hustler")));
                messages++;
            }
            if (rng.nextInt(100) >= 70) {
                continue;
            }
            Instant sentAt = clock.plusSeconds(60 + rng.nextInt(3_600));
            long outgoingId = 1_000 + rng.nextInt(1_000_000);
            if (rng.nextBoolean()) {
                batch.send(cypher(graph, markSent, params("contact", lead.slug(), "slug", messageSlug, "owner", owner, "now", time(sentAt),
                        "follow_up_due", time(sentAt.plusSeconds(3 * 86_400)))));
            } else {
                batch.send(cypher(graph, sentDetected, params("owner", owner, "contact", lead.telegramId(),
                        "message_id", outgoingId, "sent_at", time(sentAt), "now", time(sentAt.plusSeconds(2)),
                        "follow_up_due", time(sentAt.plusSeconds(3 * 86_400)))));
            }
            sent++;
            if (rng.nextInt(100) >= 35) {
                continue;
            }
            String conversation = "conv-" + lead.telegramId() + "-" + owner;
            Instant receivedAt = sentAt;
            for (int r = 0, n = 1 + rng.nextInt(3); r < n; r++) {
                receivedAt = receivedAt.plusSeconds(30 + rng.nextInt(7_200));
                long messageId = outgoingId + 1 + r;
                String text = r == 0 ? "Hi! Sounds interesting, what would the shifts look like? 🙂" : "Also, is it paid? " + rng.nextInt(100);
                String received = time(receivedAt), detected = time(receivedAt.plusSeconds(1));
                batch.send(cypher(graph, upsertReply, params("owner", owner, "conversation", conversation, "contact", lead.telegramId(),
                        "reply", "reply-" + conversation + "-" + messageId, "message_id", messageId, "text", text,
                        "preview", text, "received_at", received, "now", detected)));
                batch.send(cypher(graph, linkLead, params("owner", owner, "conversation", conversation, "contact", lead.telegramId(),
                        "received_at", received, "now", detected)));
                batch.send(cypher(graph, linkMessage, params("owner", owner, "reply", "reply-" + conversation + "-" + messageId,
                        "message", messageSlug)));
                batch.send(cypher(graph, label, params("owner", owner, "reply", "reply-" + conversation + "-" + messageId,
                        "sentiment", SENTIMENTS[rng.nextInt(SENTIMENTS.length)], "intent", INTENTS[rng.nextInt(INTENTS.length)],
                        "labeled_by", "maya", "suggest", false, "now", time(receivedAt.plusSeconds(3)))));
                replies++;
            }
            if (rng.nextBoolean()) {
                batch.send(cypher(graph, markRead, params("owner", owner, "conversation", conversation, "now", time(receivedAt.plusSeconds(600)))));
            }
        }
        List<Lead> again = new ArrayList<>();
        for (Lead lead : leads) {
            if (rng.nextInt(10) == 0) {
                again.add(lead);
            }
        }
        importLeads(batch, graph, upsert, again, rng, clock.plusSeconds(3_600)); // a partial re-import at the end
        batch.flush();
        System.out.printf("{\"leads\":%d,\"messages\":%d,\"sent\":%d,\"replies\":%d,\"commands_per_server\":%d}%n",
                count, messages, sent, replies, batch.sent);
        for (Resp s : servers) {
            s.close();
        }
    }

    static void importLeads(Batch batch, String graph, String upsert, List<Lead> leads, Random rng, Instant at) throws Exception {
        for (int from = 0; from < leads.size(); from += CHUNK) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Lead lead : leads.subList(from, Math.min(leads.size(), from + CHUNK))) {
                rows.add(leadRow(lead, rng));
            }
            batch.send(cypher(graph, upsert, params("now", time(at), "leads", rows)));
        }
    }

    /** The row LeadRepository writes per LeadUpserted (same keys; JSON strings of realistic size). */
    static Map<String, Object> leadRow(Lead lead, Random rng) {
        int sup = Math.min(15, (int) (-Math.log(1 - rng.nextDouble()) * 4)), hus = Math.min(15, (int) (-Math.log(1 - rng.nextDouble()) * 4));
        String type = sup >= 7 && hus >= 7 ? "both" : sup >= 7 ? "supervisor" : hus >= 7 ? "hustler" : "unknown";
        StringBuilder matching = new StringBuilder("[");
        List<String> samples = new ArrayList<>();
        for (int m = 0, n = rng.nextInt(6); m < n; m++) {
            String snippet = SNIPPETS[rng.nextInt(SNIPPETS.length)].formatted(2 + rng.nextInt(300));
            if (samples.size() < 2) {
                samples.add(snippet);
            }
            matching.append(m == 0 ? "" : ",").append("{\"message_id\":").append(rng.nextInt(5_000_000))
                    .append(",\"date\":\"2025-0").append(1 + rng.nextInt(9)).append("-1").append(rng.nextInt(10))
                    .append("T10:00:00\",\"text_snippet\":\"").append(snippet).append("\",\"signal_type\":\"hustler\"}");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("telegram_id", lead.telegramId());
        row.put("slug", lead.slug());
        row.put("actor", "lead-ingest");
        row.put("name", lead.name());
        row.put("chat_type", rng.nextInt(4) == 0 ? "group" : "personal_chat");
        row.put("profile_type", type);
        row.put("supervisor_score", sup);
        row.put("hustler_score", hus);
        row.put("total_score", sup + hus);
        row.put("top_signals", "[\"hustler\",\"raider\"]");
        row.put("sample_messages", samples.stream().map(s -> "\"" + s + "\"").toList().toString());
        row.put("matching_messages", matching.append("]").toString());
        row.put("analysis_data", "{\"signals\":{\"hustler\":" + hus + ",\"supervisor\":" + sup + "},\"username\":\"u"
                + Long.toHexString(lead.telegramId()) + "\"}");
        return row;
    }

    /** outreach-api's own instant format (GraphTime). */
    static String time(Instant instant) throws ReflectiveOperationException {
        Method m = Class.forName("com.scopelock.outreach.api.graph.GraphTime").getMethod("format", Instant.class);
        return (String) m.invoke(null, instant);
    }

    static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<String> cypher(String graph, String query, Map<String, Object> params) throws ReflectiveOperationException {
        return List.of("GRAPH.QUERY", graph, header(params) + query);
    }

    // ------------------------------------------------------------------------------------------------- analytics floor

    /** The analytics endpoint's groupings, cycled in this order by the floor and by analytics_bench.py. */
    static final String[] GROUP_BY = {"variant", "hook_type", "profile_type", "member", "generated_by", "day"};

    /**
     * The floor of the analytics endpoint: AnalyticsRepository's own query, the same parameters, straight to
     * FalkorDB over one connection (no HTTP, JWT, JSON or statistics). Cycles group_by and owner (team, one member)
     * as the HTTP driver does; prints one JSON line with the client-side latencies (ms).
     */
    static void analyticsFloor(String graph, int port, int runs, String owner) throws Exception {
        String team = query("AnalyticsRepository", "OF_TEAM");
        String mine = query("AnalyticsRepository", "OF_OWNER");
        List<Double> ms = new ArrayList<>();
        long rows = 0;
        try (Resp s = new Resp(port)) {
            for (int i = -20; i < runs; i++) { // 20 warm-up runs
                boolean teamView = (i & 1) == 0;
                Map<String, Object> p = new LinkedHashMap<>();
                if (!teamView) {
                    p.put("owner", owner);
                }
                p.put("group_by", GROUP_BY[Math.floorMod(i, GROUP_BY.length)]);
                p.put("from", "2000-01-01T00:00:00.000Z");
                p.put("to", "2200-01-01T00:00:00.000Z");
                long t0 = System.nanoTime();
                List<?> reply = (List<?>) s.call(List.of("GRAPH.RO_QUERY", graph, header(p) + (teamView ? team : mine)));
                double took = (System.nanoTime() - t0) / 1e6;
                if (i >= 0) {
                    ms.add(took);
                    rows += ((List<?>) reply.get(1)).size();
                }
            }
        }
        ms.sort(null);
        System.out.printf(java.util.Locale.ROOT, "{\"runs\":%d,\"rows\":%d,\"p50_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}%n",
                runs, rows, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.get(ms.size() - 1));
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    // ------------------------------------------------------------------------------------------------- fingerprint
    static void fingerprint(String graph, int port) throws Exception {
        try (Resp s = new Resp(port)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long[] counts = new long[3];
            String[][] parts = {
                    {"MATCH (c:U4_Contact_Lead) RETURN c.slug, c.outreach_status, c.claimed_by, c.total_score, c.replied_at ORDER BY c.slug", "0"},
                    {"MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message) RETURN m.slug, c.slug, m.version, m.is_sent, m.message_text ORDER BY m.slug", "1"},
                    {"MATCH (r:U4_Telegram_Reply)-[:U4_PART_OF]->(v:U4_Telegram_Conversation) RETURN r.slug, v.slug, r.message_text, r.sentiment, r.is_read ORDER BY r.slug", "2"}};
            for (String[] part : parts) {
                Object reply = s.call(List.of("GRAPH.RO_QUERY", graph, part[0]));
                List<?> rows = (List<?>) ((List<?>) reply).get(1);
                counts[Integer.parseInt(part[1])] = rows.size();
                for (Object row : rows) {
                    sha.update(String.valueOf(row).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
            }
            long conversations = scalar(s, graph, "MATCH (v:U4_Telegram_Conversation) RETURN count(v)");
            long sentMessages = scalar(s, graph, "MATCH (m:U4_Outreach_Message) WHERE m.is_sent = true RETURN count(m)");
            long replied = scalar(s, graph, "MATCH (c:U4_Contact_Lead) WHERE c.outreach_status = 'replied' RETURN count(c)");
            System.out.printf("{\"leads\":%d,\"messages\":%d,\"replies\":%d,\"conversations\":%d,\"sent_messages\":%d,"
                            + "\"replied_leads\":%d,\"sha256\":\"%s\"}%n", counts[0], counts[1], counts[2], conversations,
                    sentMessages, replied, HexFormat.of().formatHex(sha.digest()));
        }
    }

    static long scalar(Resp s, String graph, String query) throws IOException {
        List<?> rows = (List<?>) ((List<?>) s.call(List.of("GRAPH.RO_QUERY", graph, query))).get(1);
        return (Long) ((List<?>) rows.get(0)).get(0);
    }

    // ------------------------------------------------------------------------------------------------- RESP
    /** Sends each command to every server, reading the answers every PIPELINE commands. */
    static final class Batch {
        final List<Resp> servers;
        final List<String[]> tolerated = new ArrayList<>();
        int pending;
        long sent;

        Batch(List<Resp> servers) {
            this.servers = servers;
        }

        void send(List<String> command) throws IOException {
            sendTolerating(command);
        }

        void sendTolerating(List<String> command, String... tolerate) throws IOException {
            for (Resp s : servers) {
                s.write(command);
            }
            tolerated.add(tolerate);
            sent++;
            if (++pending >= PIPELINE) {
                flush();
            }
        }

        void flush() throws IOException {
            for (Resp s : servers) {
                s.out.flush();
            }
            for (Resp s : servers) {
                for (String[] tolerate : tolerated) {
                    Object reply = s.read();
                    if (reply instanceof RespError e && !matchesAny(e.getMessage(), tolerate)) {
                        throw new IllegalStateException("port " + s.port + ": " + e.getMessage());
                    }
                }
            }
            tolerated.clear();
            pending = 0;
        }

        static boolean matchesAny(String message, String[] tolerate) {
            for (String t : tolerate) {
                if (message.contains(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class RespError extends RuntimeException {
        RespError(String message) {
            super(message);
        }
    }

    static final class Resp implements AutoCloseable {
        final int port;
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Resp(int port) throws IOException {
            this.port = port;
            socket = new Socket("127.0.0.1", port);
            out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }

        Object call(List<String> command) throws IOException {
            write(command);
            out.flush();
            Object reply = read();
            if (reply instanceof RespError e) {
                throw e;
            }
            return reply;
        }

        void awaitConstraints(String graph) throws Exception {
            for (int i = 0; i < 600; i++) {
                List<?> rows = (List<?>) ((List<?>) call(List.of("GRAPH.RO_QUERY", graph,
                        "CALL db.constraints() YIELD status WHERE status <> 'OPERATIONAL' RETURN count(status)"))).get(1);
                if ((Long) ((List<?>) rows.get(0)).get(0) == 0) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("constraints not operational after 60 s");
        }

        void write(List<String> command) throws IOException {
            out.write(("*" + command.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (String arg : command) {
                byte[] b = arg.getBytes(StandardCharsets.UTF_8);
                out.write(("$" + b.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(b);
                out.write('\r');
                out.write('\n');
            }
        }

        Object read() throws IOException {
            String line = line();
            char kind = line.charAt(0);
            String rest = line.substring(1);
            switch (kind) {
                case '*' -> {
                    int n = Integer.parseInt(rest);
                    if (n < 0) {
                        return null;
                    }
                    List<Object> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(read());
                    }
                    return items;
                }
                case '$' -> {
                    int n = Integer.parseInt(rest);
                    if (n < 0) {
                        return null;
                    }
                    byte[] b = in.readNBytes(n + 2);
                    return new String(b, 0, n, StandardCharsets.UTF_8);
                }
                case ':' -> {
                    return Long.parseLong(rest);
                }
                case '-' -> {
                    return new RespError(rest);
                }
                default -> {
                    return rest;
                }
            }
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) {
                    throw new IOException("port " + port + " closed the connection");
                }
                b.write(c);
            }
            in.read();
            return b.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
