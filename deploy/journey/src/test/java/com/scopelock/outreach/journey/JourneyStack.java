package com.scopelock.outreach.journey;

import com.scopelock.outreach.telegram.session.SessionSealer;
import com.scopelock.outreach.testsupport.KafkaBrokerProcess;
import com.scopelock.outreach.testsupport.ManagedProcess;
import com.scopelock.outreach.testsupport.StackHome;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole suite on loopback, as in production but on free ports: a real Kafka broker (KRaft), FalkorDB, a plain
 * Redis (login state), the simulated Telegram's shared world, and the five services started from their built
 * {@code target/quarkus-app/quarkus-run.jar}, each its own JVM with its own log under {@code target/journey-logs/}.
 */
final class JourneyStack implements AutoCloseable {
    static final String LEAD_INGEST = "lead-ingest";
    static final String OUTREACH_API = "outreach-api";
    static final String TELEGRAM_AUTH = "telegram-auth-service";
    static final String REPLY_MONITOR = "reply-monitor";
    static final String MESSAGE_GENERATOR = "message-generator";
    static final List<String> SERVICES = List.of(LEAD_INGEST, OUTREACH_API, TELEGRAM_AUTH, REPLY_MONITOR, MESSAGE_GENERATOR);
    private static final long READY_TIMEOUT_MS = 180_000;

    final Path root;
    final Path work;
    final Path logs;
    final Path worldDir;
    final Path kafkaDir;
    final int kafkaPort = ManagedProcess.freePort();
    final int kafkaControllerPort = ManagedProcess.freePort();
    final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Proc> services = new LinkedHashMap<>();
    private final List<Proc> stores = new ArrayList<>();
    private KafkaBrokerProcess kafka;
    private Proc falkordb;
    private int falkorPort;

    JourneyStack() throws IOException {
        root = Path.of(System.getProperty("journey.root", "../..")).toAbsolutePath().normalize();
        Path target = Path.of(System.getProperty("journey.work", "target")).toAbsolutePath().normalize();
        logs = target.resolve("journey-logs");
        work = target.resolve("journey-work");
        deleteTree(logs);
        deleteTree(work);
        Files.createDirectories(logs);
        Files.createDirectories(work);
        worldDir = Files.createDirectories(work.resolve("sim-world"));
        kafkaDir = Files.createDirectories(logs.resolve("kafka")); // holds kafka.log and the broker's data dir
        for (String s : SERVICES) {
            Path jar = jar(s);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the services first (./mvnw install -DskipTests)");
            }
            ports.put(s, ManagedProcess.freePort());
        }
    }

    Path jar(String service) {
        return root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    int port(String service) {
        return ports.get(service);
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    void start() throws IOException {
        long t0 = System.currentTimeMillis();
        Path redisServer = StackHome.require("falkordb/redis-server");
        falkorPort = ManagedProcess.freePort();
        int redisPort = ManagedProcess.freePort();
        // an append-only file synced on every write: FalkorDB killed with kill -9 loses no write it acknowledged
        falkordb = new Proc("falkordb", List.of(redisServer.toString(), "--bind", "127.0.0.1", "--port",
                Integer.toString(falkorPort), "--save", "", "--appendonly", "yes", "--appendfsync", "always",
                "--dir", Files.createDirectories(work.resolve("falkordb")).toString(),
                "--loadmodule", StackHome.require("falkordb/falkordb.so").toString()), Map.of(), logs.resolve("falkordb.log"));
        Proc redis = new Proc("redis", List.of(redisServer.toString(), "--bind", "127.0.0.1", "--port",
                Integer.toString(redisPort), "--save", "", "--appendonly", "no",
                "--dir", Files.createDirectories(work.resolve("redis")).toString()), Map.of(), logs.resolve("redis.log"));
        stores.add(falkordb.start());
        stores.add(redis.start());
        kafka = KafkaBrokerProcess.start(kafkaDir, kafkaPort, kafkaControllerPort, true);
        falkordb.awaitReady(20_000, () -> ManagedProcess.accepts(falkorPort));
        redis.awaitReady(20_000, () -> ManagedProcess.accepts(redisPort));
        Journal.step("infrastructure up (Kafka " + bootstrap() + ", FalkorDB " + falkorPort + ", Redis " + redisPort + ")", t0);

        Path publicKey = work.resolve("jwt-public.pem");
        try (InputStream in = JourneyStack.class.getResourceAsStream("/test-jwt/public.pem")) {
            Files.write(publicKey, in.readAllBytes());
        }
        Path keyset = work.resolve("session-keyset.json");
        Files.writeString(keyset, SessionSealer.newKeyset());
        Files.setPosixFilePermissions(keyset, PosixFilePermissions.fromString("rw-------"));
        Path fakeCli = work.resolve("fake-claude.sh");
        try (InputStream in = JourneyStack.class.getResourceAsStream("/fake-claude.sh")) {
            Files.write(fakeCli, in.readAllBytes());
        }
        Files.setPosixFilePermissions(fakeCli, PosixFilePermissions.fromString("rwx------"));

        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap());
        common.put("FALKORDB_URL", "redis://127.0.0.1:" + falkorPort);
        common.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
        common.put("JWT_PUBLIC_KEY_LOCATION", "file:" + publicKey);
        common.put("JWT_ISSUER", "https://missiondeck.test");
        common.put("JWT_AUDIENCE", "outreach-suite");
        common.put("HTTP_HOST", "127.0.0.1");
        common.put("QUARKUS_PROFILE", "local"); // a named non-prod profile: the simulator guard requires one
        common.put("OUTREACH_STACK_HOME", work.toString());
        common.put("TELEGRAM_MODE", "simulated");
        common.put("TELEGRAM_SIMULATED_I_UNDERSTAND", "true");
        common.put("TELEGRAM_SIMULATED_WORLD_DIR", worldDir.toString());
        common.put("TELEGRAM_API_ID", "1");
        common.put("TELEGRAM_API_HASH", "simulated");
        common.put("TELEGRAM_SEALING_KEYSET_FILE", keyset.toString());
        common.put("GENERATOR_CLI_COMMAND", fakeCli.toString());
        common.put("LEAD_INGEST_PORT", ports.get(LEAD_INGEST).toString());
        common.put("OUTREACH_API_PORT", ports.get(OUTREACH_API).toString());
        common.put("TELEGRAM_AUTH_PORT", ports.get(TELEGRAM_AUTH).toString());
        common.put("REPLY_MONITOR_PORT", ports.get(REPLY_MONITOR).toString());
        common.put("MESSAGE_GENERATOR_PORT", ports.get(MESSAGE_GENERATOR).toString());
        // a lead-ingest killed mid-import blocks a retry of that import until its running report expires
        common.put("LEAD_INGEST_RUNNING_REPORT_TTL", "20s");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String s : SERVICES) {
            Path tmp = Files.createDirectories(work.resolve("tmp-" + s));
            services.put(s, new Proc(s, List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx384m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp,
                    "-jar", jar(s).toString()), common, logs.resolve(s + ".log")));
        }
        long t1 = System.currentTimeMillis();
        services.values().forEach(Proc::start);
        awaitReady(SERVICES);
        Journal.step("five services ready", t1);
    }

    /** Waits (in parallel) until each service's /q/health/ready answers 200. */
    void awaitReady(List<String> names) {
        List<CompletableFuture<Void>> waits = names.stream().map(n -> CompletableFuture.runAsync(() -> {
            long t = System.currentTimeMillis();
            services.get(n).awaitReady(READY_TIMEOUT_MS, () -> Api.ready(ports.get(n)));
            Journal.note("  " + n + " ready in " + (System.currentTimeMillis() - t) + " ms (pid " + services.get(n).pid() + ")");
        })).toList();
        waits.forEach(CompletableFuture::join);
    }

    void kill9(String service) {
        Proc p = services.get(service);
        long pid = p.pid();
        p.kill9();
        Journal.note("kill -9 " + service + " (pid " + pid + ")");
    }

    void restart(String service) {
        long t = System.currentTimeMillis();
        services.get(service).start();
        awaitReady(List.of(service));
        Journal.step("restarted " + service, t);
    }

    void kill9Kafka() {
        long pid = kafka.pid();
        kafka.kill();
        Journal.note("kill -9 Kafka broker (pid " + pid + ")");
    }

    void restartKafka() throws IOException {
        long t = System.currentTimeMillis();
        kafka = KafkaBrokerProcess.start(kafkaDir, kafkaPort, kafkaControllerPort, false);
        Journal.step("Kafka broker restarted on the same data dir and ports", t);
    }

    void kill9FalkorDb() {
        long pid = falkordb.pid();
        falkordb.kill9();
        Journal.note("kill -9 FalkorDB (pid " + pid + ")");
    }

    void restartFalkorDb() {
        long t = System.currentTimeMillis();
        falkordb.start();
        falkordb.awaitReady(60_000, () -> ManagedProcess.accepts(falkorPort));
        Journal.step("FalkorDB restarted on the same data dir (append-only file) and port", t);
    }

    KafkaBrokerProcess kafka() {
        return kafka;
    }

    String logTail(String service) {
        return services.get(service).tail();
    }

    @Override
    public void close() {
        services.values().stream().map(p -> CompletableFuture.runAsync(p::close)).toList().forEach(CompletableFuture::join);
        if (kafka != null) {
            kafka.close();
        }
        stores.forEach(Proc::close);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
