// The reply-latency benchmark driver (issue 4); deploy/bench/replies starts the stack and calls it.
// Single-file Java program: java -cp <telegram-client jar>:<jackson>:<zxing core> ReplyBench.java setup|measure ...
//
//   setup   : imports MEMBERS x CHATS leads through lead-ingest, puts those leads (as users, with an empty private chat
//             per member) into the SIMULATED Telegram world, creates one simulated account per member and logs each in
//             through telegram-auth-service's real QR flow (qr-start → decode the PNG → scan with the simulator control →
//             qr-check until authorized), then generates a message for every lead as its member (POST
//             /api/outreach/generate-message/{id}: claim, message, watch record), and waits until reply-monitor has every
//             session and watched chat.
//   measure : one SSE connection (GET /api/outreach/events) per member; leads write REPLIES replies at RATE per second
//             (round robin over the members, a random watched lead each); latency = simulator write start → the SSE
//             "reply" event carrying that text; also reply-monitor CPU (/proc/<pid>/stat) and RSS over the run.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.scopelock.outreach.telegram.sim.SimWorld;
import com.scopelock.outreach.telegram.sim.SimWorldStore;
import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class ReplyBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static final long LEAD_BASE = 40_000_000_000L;
    static Map<String, String> opts = new HashMap<>();

    record Member(String name, String token, String phone, long accountId, List<Long> leads) {
    }

    public static void main(String[] args) throws Exception {
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args[0]) {
            case "setup" -> setup();
            case "measure" -> measure();
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    static String opt(String k) {
        String v = opts.get(k);
        if (v == null) throw new IllegalArgumentException("missing --" + k);
        return v;
    }

    static List<String[]> tokens() throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(opt("tokens")))) {
            if (!line.isBlank()) out.add(line.trim().split("\\s+"));
        }
        return out;
    }

    static HttpResponse<String> http(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void log(String fmt, Object... a) {
        System.out.printf("replies: " + fmt + "%n", a);
        System.out.flush();
    }

    // ------------------------------------------------------------------ setup
    static void setup() throws Exception {
        String api = opt("api"), auth = opt("auth"), ingest = opt("ingest");
        int chats = Integer.parseInt(opt("chats"));
        List<String[]> toks = tokens();
        int members = toks.size();
        Map<String, Object> result = new LinkedHashMap<>();
        long t0 = System.nanoTime();

        // 1. leads through lead-ingest
        List<Map<String, Object>> leads = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            for (int j = 0; j < chats; j++) {
                long id = LEAD_BASE + m * 1000L + j;
                leads.add(Map.of("telegram_id", id, "name", String.format("Rb%02d Lead%03d", m, j),
                        "chat_type", "personal_chat", "profile_type", "hustler", "supervisor_score", 2,
                        "hustler_score", 8, "signals", Map.of("hustler", 8),
                        "sample_messages", List.of("Finished " + (j + 2) + " tasks today"), "matching_messages", List.of()));
            }
        }
        String body = JSON.writeValueAsString(Map.of("source", "deploy/bench/replies", "total", leads.size(), "team_members", leads));
        HttpResponse<String> r = http("POST", ingest + "/api/leads/import?import_id=replies-bench-" + System.currentTimeMillis(),
                toks.get(0)[1], body);
        if (r.statusCode() != 200) throw new IllegalStateException("import " + r.statusCode() + " " + r.body());
        Map<Long, String> contactIds = new HashMap<>();
        long deadline = System.currentTimeMillis() + 180_000;
        while (contactIds.size() < leads.size() && System.currentTimeMillis() < deadline) {
            contactIds.clear();
            for (int offset = 0; ; offset += 100) {
                JsonNode page = JSON.readTree(http("GET", api + "/api/outreach/queue?limit=100&show_claimed=true&offset=" + offset,
                        toks.get(0)[1], null).body());
                for (JsonNode c : page.get("contacts")) contactIds.put(c.get("telegram_id").asLong(), c.get("id").asText());
                if (offset + 100 >= page.get("filtered_count").asInt() || page.get("contacts").isEmpty()) break;
            }
            if (contactIds.size() < leads.size()) Thread.sleep(1000);
        }
        if (contactIds.size() < leads.size()) throw new IllegalStateException("only " + contactIds.size() + " leads queryable");
        result.put("import_s", round((System.nanoTime() - t0) / 1e9));
        log("%d leads imported and queryable in %.1f s", leads.size(), (System.nanoTime() - t0) / 1e9);

        // 2. the simulated world: accounts, lead users, their private chats (one write)
        Path world = Path.of(opt("world"));
        SimWorldStore store = new SimWorldStore(world);
        List<Member> ms = store.update(w -> {
            List<Member> out = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                SimWorld.User acc = new SimWorld.User();
                acc.id = w.nextUserId++;
                acc.firstName = "Bench";
                acc.lastName = toks.get(m)[0];
                acc.phone = String.format("+1555700%04d", m);
                w.users.put(acc.id, acc);
                List<Long> mine = new ArrayList<>();
                for (int j = 0; j < chats; j++) {
                    SimWorld.User lead = new SimWorld.User();
                    lead.id = LEAD_BASE + m * 1000L + j;
                    lead.firstName = String.format("Rb%02d", m);
                    lead.lastName = String.format("Lead%03d", j);
                    w.users.put(lead.id, lead);
                    SimWorld.Chat chat = new SimWorld.Chat();
                    chat.ownerUserId = acc.id;
                    chat.chatId = lead.id;
                    chat.peerUserId = lead.id;
                    chat.title = lead.firstName + " " + lead.lastName;
                    w.chats.add(chat);
                    mine.add(lead.id);
                }
                out.add(new Member(toks.get(m)[0], toks.get(m)[1], acc.phone, acc.id, mine));
            }
            return out;
        });
        SimulatedTelegramControl control = new SimulatedTelegramControl(world);
        log("%d simulated accounts and %d lead chats created", members, members * chats);

        // 3. QR logins through telegram-auth-service (5 at a time)
        List<Double> loginMs = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger loginRetries = new AtomicInteger();
        long tl = System.nanoTime();
        try (ExecutorService ex = Executors.newFixedThreadPool(5)) {
            List<Future<?>> fs = new ArrayList<>();
            for (Member m : ms) fs.add(ex.submit(() -> {
                for (int attempt = 1; ; attempt++) {
                    try {
                        loginMs.add(login(auth, control, m));
                        return null;
                    } catch (Exception e) {
                        loginRetries.incrementAndGet();
                        log("login of %s failed (attempt %d): %s", m.name(), attempt, e);
                        if (attempt == 3) throw e;
                    }
                }
            }));
            for (Future<?> f : fs) f.get();
        }
        result.put("logins", ms.size());
        result.put("login_wall_s", round((System.nanoTime() - tl) / 1e9));
        result.put("login_ms", stats(loginMs));
        result.put("login_retries", loginRetries.get());
        log("%d QR logins in %.1f s (each: %s)", ms.size(), (System.nanoTime() - tl) / 1e9, stats(loginMs));

        // 4. a message per lead, as its member (claim + watch record)
        long tg = System.nanoTime();
        List<Double> genMs = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> by = new ConcurrentHashMap<>();
        try (ExecutorService ex = Executors.newFixedThreadPool(Integer.parseInt(opts.getOrDefault("gen-concurrency", "8")))) {
            List<Future<?>> fs = new ArrayList<>();
            for (Member m : ms) {
                for (long lead : m.leads()) {
                    fs.add(ex.submit(() -> {
                        long s = System.nanoTime();
                        HttpResponse<String> g = http("POST", api + "/api/outreach/generate-message/" + contactIds.get(lead), m.token(), "");
                        genMs.add((System.nanoTime() - s) / 1e6);
                        if (g.statusCode() != 200) throw new IllegalStateException("generate " + g.statusCode() + " " + g.body());
                        by.merge(JSON.readTree(g.body()).get("generated_by").asText(), 1, Integer::sum);
                        return null;
                    }));
                }
            }
            for (Future<?> f : fs) f.get();
        }
        result.put("generate_wall_s", round((System.nanoTime() - tg) / 1e9));
        result.put("generate_ms", stats(genMs));
        result.put("generated_by", by);
        log("%d messages generated (watch records) in %.1f s: %s %s", genMs.size(), (System.nanoTime() - tg) / 1e9, by, stats(genMs));

        // 5. reply-monitor has every session and chat
        long tw = System.nanoTime();
        waitMonitor(members, members * chats, 240);
        result.put("monitor_ready_after_generate_s", round((System.nanoTime() - tw) / 1e9));
        result.put("setup_s", round((System.nanoTime() - t0) / 1e9));
        StringBuilder state = new StringBuilder();
        for (Member m : ms) {
            state.append(m.name()).append(' ').append(m.phone()).append(' ').append(m.accountId()).append(' ');
            state.append(String.join(",", m.leads().stream().map(String::valueOf).toList())).append('\n');
        }
        Files.writeString(Path.of(opt("state")), state);
        Files.writeString(Path.of(opt("json-out")), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        log("setup done in %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    static double login(String auth, SimulatedTelegramControl control, Member m) throws Exception {
        long s = System.nanoTime();
        HttpResponse<String> r = http("POST", auth + "/api/outreach/telegram/qr-start", m.token(), null);
        if (r.statusCode() != 200) throw new IllegalStateException("qr-start " + r.statusCode() + " " + r.body());
        JsonNode start = JSON.readTree(r.body());
        String png = start.get("qr_code").asText().replaceFirst("^data:image/png;base64,", "");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        String link = decodeQr(img.getWidth(), img.getHeight(), px);
        control.scan(link, m.phone());
        String token = start.get("token").asText();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> c = http("GET", auth + "/api/outreach/telegram/qr-check/" + token, m.token(), null);
            if (c.body().contains("\"authorized\"")) return (System.nanoTime() - s) / 1e6;
            if (c.statusCode() != 200) throw new IllegalStateException("qr-check " + c.statusCode() + " " + c.body());
            Thread.sleep(100);
        }
        throw new IllegalStateException("login of " + m.name() + " not authorized in 60 s");
    }

    static String decodeQr(int w, int h, int[] px) throws Exception {
        RGBLuminanceSource src = new RGBLuminanceSource(w, h, px);
        Map<DecodeHintType, Object> pure = Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        Map<DecodeHintType, Object> hard = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        Exception last = null;
        for (var hints : List.of(pure, hard)) {
            for (BinaryBitmap bmp : List.of(new BinaryBitmap(new HybridBinarizer(src)), new BinaryBitmap(new GlobalHistogramBinarizer(src)))) {
                try {
                    return new QRCodeReader().decode(bmp, hints).getText();
                } catch (Exception e) {
                    last = e;
                }
            }
        }
        throw last;
    }

    static Map<String, Double> scrape(String url, String... names) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        String text = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (String line : text.split("\n")) {
            for (String n : names) {
                if (line.startsWith(n)) {
                    int sp = line.lastIndexOf(' ');
                    out.merge(n, Double.parseDouble(line.substring(sp + 1)), Double::sum);
                }
            }
        }
        return out;
    }

    // reply-monitor's gauges reply_monitor_sessions / reply_monitor_watched_chats read NaN in this build (their state
    // object is not strongly held), so this falls back to its request counter: every account has made getChatHistory
    // requests (its session is open) and their sum covers every watched chat at least once (one pass done).
    static void waitMonitor(int sessions, int chats, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            String text = HTTP.send(HttpRequest.newBuilder(URI.create(opt("rm") + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double gs = Double.NaN, gc = Double.NaN, requests = 0;
            int accounts = 0;
            for (String line : text.split("\n")) {
                String v = line.substring(line.lastIndexOf(' ') + 1);
                if (line.startsWith("reply_monitor_sessions ")) gs = Double.parseDouble(v);
                if (line.startsWith("reply_monitor_watched_chats ")) gc = Double.parseDouble(v);
                if (line.startsWith("reply_monitor_tdlib_requests_total{") && line.contains("getChatHistory")) {
                    accounts++;
                    requests += Double.parseDouble(v);
                }
            }
            last = "sessions gauge " + gs + ", watched_chats gauge " + gc + ", accounts polling " + accounts + ", getChatHistory requests " + requests;
            boolean gaugesOk = !Double.isNaN(gs) && !Double.isNaN(gc) && gs >= sessions && gc >= chats;
            boolean countersOk = (Double.isNaN(gs) || Double.isNaN(gc)) && accounts >= sessions && requests >= chats;
            if (gaugesOk || countersOk) {
                log("reply-monitor: %s", last);
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("reply-monitor not watching everything after " + seconds + " s: " + last);
    }

    // ------------------------------------------------------------------ measure
    static void measure() throws Exception {
        String api = opt("api"), label = opt("label");
        int replies = Integer.parseInt(opt("replies"));
        double rate = Double.parseDouble(opt("rate"));
        int waitS = Integer.parseInt(opt("wait"));
        long pid = Long.parseLong(opt("pid"));
        Map<String, String> tokenOf = new HashMap<>();
        for (String[] t : tokens()) tokenOf.put(t[0], t[1]);
        List<Member> ms = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(opt("state")))) {
            if (line.isBlank()) continue;
            String[] p = line.split(" ");
            ms.add(new Member(p[0], tokenOf.get(p[0]), p[1], Long.parseLong(p[2]),
                    Arrays.stream(p[3].split(",")).map(Long::valueOf).toList()));
        }
        waitMonitor(ms.size(), ms.stream().mapToInt(m -> m.leads().size()).sum(), 240);
        int streams = Math.min(ms.size(), Integer.parseInt(opts.getOrDefault("streams", "1000")));

        Map<Integer, Long> sentAt = new ConcurrentHashMap<>(), sentDone = new ConcurrentHashMap<>(), received = new ConcurrentHashMap<>();
        Map<Integer, Long> receivedEpochMs = new ConcurrentHashMap<>();
        Map<Integer, String> sentWhat = new ConcurrentHashMap<>();
        AtomicInteger dups = new AtomicInteger(), otherReplies = new AtomicInteger(), readyStreams = new AtomicInteger();
        AtomicInteger sseErrors = new AtomicInteger();
        Pattern tag = Pattern.compile("rb-" + Pattern.quote(label) + "-(\\d+)\\b");
        List<Stream<String>> open = new CopyOnWriteArrayList<>();
        for (int i = 0; i < streams; i++) {
            Member m = ms.get(i);
            HttpRequest req = HttpRequest.newBuilder(URI.create(api + "/api/outreach/events"))
                    .header("Authorization", "Bearer " + m.token()).header("Accept", "text/event-stream").build();
            HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).thenAccept(resp -> Thread.ofVirtual().start(() -> {
                String event = null;
                open.add(resp.body());
                try {
                    for (Iterator<String> it = resp.body().iterator(); it.hasNext(); ) {
                        String line = it.next();
                        long now = System.nanoTime();
                        if (line.startsWith("event:")) event = line.substring(6).trim();
                        else if (line.startsWith("data:")) {
                            if ("ready".equals(event)) readyStreams.incrementAndGet();
                            else if ("reply".equals(event)) {
                                Matcher mt = tag.matcher(line);
                                if (mt.find()) {
                                    int n = Integer.parseInt(mt.group(1));
                                    if (received.putIfAbsent(n, now) != null) dups.incrementAndGet();
                                    else receivedEpochMs.put(n, System.currentTimeMillis());
                                } else otherReplies.incrementAndGet();
                            }
                        } else if (line.isEmpty()) event = null;
                    }
                } catch (Exception e) {
                    sseErrors.incrementAndGet();
                }
            })).exceptionally(e -> { sseErrors.incrementAndGet(); return null; });
        }
        long until = System.currentTimeMillis() + 30_000;
        while (readyStreams.get() < streams && System.currentTimeMillis() < until) Thread.sleep(100);
        log("[%s] %d/%d SSE streams ready", label, readyStreams.get(), streams);

        SimulatedTelegramControl control = new SimulatedTelegramControl(Path.of(opt("world")));
        // samples: reply-monitor CPU ticks and RSS, machine CPU
        List<long[]> samples = new CopyOnWriteArrayList<>();
        AtomicLong maxRss = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            try {
                long rss = rssKb(pid);
                maxRss.accumulateAndGet(rss, Math::max);
                samples.add(new long[]{System.nanoTime(), cpuTicks(pid), rss});
            } catch (Exception ignored) {
            }
        }, 0, 1, TimeUnit.SECONDS);
        long[] cpu0 = {System.nanoTime(), cpuTicks(pid)};
        long[] mach0 = machineTicks();
        Random rnd = new Random(42);
        List<Double> writeMs = new ArrayList<>();
        long start = System.nanoTime();
        long interval = (long) (1e9 / rate);
        for (int i = 0; i < replies; i++) {
            long due = start + i * interval;
            long now = System.nanoTime();
            if (due > now) Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
            Member m = ms.get(i % streams);
            long lead = m.leads().get(rnd.nextInt(m.leads().size()));
            String text = "rb-" + label + "-" + i + " thanks for reaching out, sounds interesting, tell me more";
            long s = System.nanoTime();
            long sEpoch = System.currentTimeMillis();
            sentAt.put(i, s);
            var ref = control.leadWrites(m.phone(), Long.toString(lead), null, text);
            long e = System.nanoTime();
            // i, conversation id (as reply-monitor logs it), telegram message id, write start / end (epoch ms)
            sentWhat.put(i, "conv-" + lead + "-" + m.name() + "\t" + ref.messageId() + "\t" + sEpoch + "\t" + System.currentTimeMillis());
            sentDone.put(i, e);
            writeMs.add((e - s) / 1e6);
        }
        long sendEnd = System.nanoTime();
        double achieved = replies / ((sendEnd - start) / 1e9);
        log("[%s] %d replies written in %.1f s (%.2f/s); waiting up to %d s for the rest", label, replies, (sendEnd - start) / 1e9, achieved, waitS);
        long waitUntil = sendEnd + waitS * 1_000_000_000L;
        int lastLogged = -1;
        while (received.size() < replies && System.nanoTime() < waitUntil) {
            Thread.sleep(500);
            if (received.size() / 100 != lastLogged) {
                lastLogged = received.size() / 100;
                log("[%s] %d/%d received", label, received.size(), replies);
            }
        }
        long end = System.nanoTime();
        long[] cpu1 = {end, cpuTicks(pid)};
        long[] mach1 = machineTicks();
        sampler.shutdownNow();
        long lastRecv = received.values().stream().mapToLong(Long::longValue).max().orElse(end);

        List<Double> lat = new ArrayList<>(), latAfterWrite = new ArrayList<>();
        for (var e : received.entrySet()) {
            Long s = sentAt.get(e.getKey());
            if (s == null) continue;
            lat.add((e.getValue() - s) / 1e6);
            latAfterWrite.add((e.getValue() - sentDone.get(e.getKey())) / 1e6);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", label);
        out.put("members", ms.size());
        out.put("sse_streams", streams);
        out.put("sse_ready", readyStreams.get());
        out.put("watched_chats", ms.stream().mapToInt(m -> m.leads().size()).sum());
        out.put("replies_sent", replies);
        out.put("rate_target_per_s", rate);
        out.put("rate_achieved_per_s", round(achieved));
        out.put("send_window_s", round((sendEnd - start) / 1e9));
        out.put("received", received.size());
        out.put("missing", replies - received.size());
        out.put("duplicates", dups.get());
        out.put("other_reply_events", otherReplies.get());
        out.put("sse_errors", sseErrors.get());
        out.put("latency_ms", stats(lat));
        out.put("latency_after_write_ms", stats(latAfterWrite));
        out.put("sim_write_ms", stats(writeMs));
        double clk = 100.0; // USER_HZ
        double cpuS = (cpu1[1] - cpu0[1]) / clk, wall = (cpu1[0] - cpu0[0]) / 1e9;
        out.put("rm_cpu_seconds", round(cpuS));
        out.put("rm_wall_seconds", round(wall));
        out.put("rm_cpu_percent_of_one_core", round(100 * cpuS / wall));
        // CPU during the send window only
        long[] a = null, b = null;
        for (long[] smp : samples) {
            if (smp[0] >= start && a == null) a = smp;
            if (smp[0] <= sendEnd) b = smp;
        }
        if (a != null && b != null && b[0] > a[0]) {
            out.put("rm_cpu_percent_send_window", round(100 * ((b[1] - a[1]) / clk) / ((b[0] - a[0]) / 1e9)));
        }
        out.put("rm_rss_mb_end", rssKb(pid) / 1024);
        out.put("rm_rss_mb_max_sampled", maxRss.get() / 1024);
        out.put("rm_vmhwm_mb", hwmKb(pid) / 1024);
        long busy = (mach1[0] - mach0[0]), total = (mach1[1] - mach0[1]);
        out.put("machine_cpu_busy_percent", round(100.0 * busy / Math.max(1, total)));
        out.put("last_receipt_after_send_end_s", round((lastRecv - sendEnd) / 1e9));
        // histogram by seconds for the polling comparison
        Map<String, Integer> hist = new TreeMap<>();
        for (double l : lat) {
            String k = l < 500 ? "<0.5s" : l < 1000 ? "0.5-1s" : l < 5000 ? "1-5s" : l < 30000 ? "5-30s" : l < 60000 ? "30-60s" : l < 120000 ? "60-120s" : ">=120s";
            hist.merge(k, 1, Integer::sum);
        }
        out.put("latency_buckets", hist);
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(opt("rm") + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Files.writeString(Path.of(opt("json-out") + ".rm-metrics.txt"), metrics);
        } catch (Exception ignored) {
        }
        Files.writeString(Path.of(opt("json-out")), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        StringBuilder tsv = new StringBuilder("i\tconversation\tmessage_id\twrite_start_ms\twrite_end_ms\tsse_ms\n");
        for (int i = 0; i < replies; i++) {
            if (sentWhat.containsKey(i)) tsv.append(i).append('\t').append(sentWhat.get(i)).append('\t')
                    .append(receivedEpochMs.getOrDefault(i, -1L)).append('\n');
        }
        Files.writeString(Path.of(opt("json-out") + ".replies.tsv"), tsv);
        log("[%s] %s", label, JSON.writeValueAsString(out));
        for (Stream<String> s : open) {
            try { s.close(); } catch (Exception ignored) { }
        }
    }

    static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    }

    static long[] machineTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0, idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
        return new long[]{total - idle, total};
    }

    static long rssKb(long pid) throws Exception { return statusKb(pid, "VmRSS:"); }

    static long hwmKb(long pid) throws Exception { return statusKb(pid, "VmHWM:"); }

    static long statusKb(long pid, String key) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith(key)) return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    static double round(double v) { return Math.round(v * 100) / 100.0; }

    static Map<String, Object> stats(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", s.size());
        if (s.isEmpty()) return m;
        for (int p : new int[]{50, 95, 99}) m.put("p" + p, round(s.get(Math.min(s.size() - 1, (int) Math.round(p / 100.0 * (s.size() - 1))))));
        m.put("min", round(s.get(0)));
        m.put("max", round(s.get(s.size() - 1)));
        m.put("mean", round(s.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        return m;
    }
}
