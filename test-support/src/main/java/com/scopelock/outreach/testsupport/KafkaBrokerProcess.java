package com.scopelock.outreach.testsupport;

import com.scopelock.outreach.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka 4.3.1 broker (KRaft, combined broker + controller) in its own JVM on loopback, from the jars
 * that deploy/local/fetch copied. Creates the topics of {@link Topics} and their dead-letter topics.
 */
public final class KafkaBrokerProcess extends ManagedProcess {
    private final int port;
    private final Path dataDir;

    private KafkaBrokerProcess(int port, Path dataDir, List<String> command) throws IOException {
        super("Kafka", command, dataDir.resolve("kafka.log"));
        this.port = port;
        this.dataDir = dataDir;
    }

    public static KafkaBrokerProcess start() {
        try {
            Path dir = Files.createTempDirectory("kafka-test");
            return start(dir, freePort(), freePort(), true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Kafka", e);
        }
    }

    /** Starts a broker over {@code dir}; when {@code format} is false the existing log directory is reused. */
    public static KafkaBrokerProcess start(Path dir, int port, int controllerPort, boolean format) throws IOException {
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = StackHome.require("kafka/libs").toString() + "/*";
        if (format) {
            runToCompletion(List.of(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                    "-t", randomClusterId(), "-c", config.toString(), "--ignore-formatted"), dir.resolve("format.log"));
        }
        KafkaBrokerProcess broker = new KafkaBrokerProcess(port, dir, List.of(java, "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-cp", classpath, "kafka.Kafka", config.toString()));
        broker.awaitReady(Duration.ofSeconds(60), () -> accepts(port));
        broker.createTopics();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
            if (spec.compacted()) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
            topics.add(new NewTopic(spec.deadLetterTopic(), 1, (short) 1));
        }
        try (Admin admin = admin()) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            admin.createTopics(topics.stream().filter(t -> !existing.contains(t.name())).toList())
                    .all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    private static void runToCompletion(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed, see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Kafka cluster id (16 random bytes, base64url); never one starting with '-', which the tool takes for an option. */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
