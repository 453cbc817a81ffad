package com.scopelock.outreach.generator.messaging;

import com.scopelock.outreach.generator.Leads;
import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.MessageGenerated;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.ReplyLabeled;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import com.scopelock.outreach.testsupport.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The service on a real Kafka broker process, with the fast fake CLI as its Claude. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GeneratorTestResource.class)
class MessageGeneratorIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private Reader consumer(String topic) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        Reader reader = new Reader(consumer);
        long deadline = System.currentTimeMillis() + 30_000;
        while (consumer.assignment().isEmpty() && System.currentTimeMillis() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(reader.seen()::add); // join the group before sending
        }
        return reader;
    }

    /** A consumer that keeps every record it polled, so a later await finds records of an earlier batch. */
    private record Reader(KafkaConsumer<String, String> consumer, List<ConsumerRecord<String, String>> seen)
            implements AutoCloseable {
        Reader(KafkaConsumer<String, String> consumer) {
            this(consumer, new java.util.ArrayList<>());
        }

        ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                for (var record : seen) {
                    if (match.test(record)) {
                        return record;
                    }
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            return fail("no matching record within 60 s");
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    @Test
    void generationRequestIsAnsweredWithTheSameCorrelationIdAndKey() {
        GenerationRequested request = Leads.liam();
        try (var producer = producer(); var answers = consumer(Topics.GENERATED_MESSAGES)) {
            var record = new ProducerRecord<>(Topics.GENERATION_REQUESTS, request.key(), JsonCodec.encode(request));
            record.headers().add("REPLY_CORRELATION_ID", request.correlationId().getBytes(StandardCharsets.UTF_8));
            long sent = System.nanoTime();
            producer.send(record);
            producer.flush();

            var answer = answers.await(r -> r.value().contains(request.correlationId()));
            long roundTripMs = (System.nanoTime() - sent) / 1_000_000;
            assertEquals(request.contactSlug(), answer.key());
            Header correlation = answer.headers().lastHeader("REPLY_CORRELATION_ID");
            assertNotNull(correlation, "KafkaRequestReply header copied");
            assertEquals(request.correlationId(), new String(correlation.value(), StandardCharsets.UTF_8));

            MessageGenerated generated = JsonCodec.decode(answer.value(), MessageGenerated.class);
            assertEquals("maya", generated.generatedBy());
            assertNull(generated.warning());
            assertTrue(generated.messageText().startsWith("Hey Liam,"), generated.messageText());
            assertEquals("Completed 100 retweets for UBC", generated.personalizationContext().hook().textSnippet());
            assertTrue(answer.value().contains("\"personalization_context\":{\"hook\":{\"message_id\":123,"),
                    answer.value());
            System.out.printf("[measure] first Kafka round trip with the fast fake CLI: %d ms (service %d ms)%n",
                    roundTripMs, generated.durationMs());

            for (int i = 0; i < 5; i++) { // steady state: the service's consumer has its partitions now
                GenerationRequested next = Leads.liam();
                long t0 = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.GENERATION_REQUESTS, next.key(), JsonCodec.encode(next)));
                producer.flush();
                var reply = answers.await(r -> r.value().contains(next.correlationId()));
                System.out.printf("[measure] Kafka round trip with the fast fake CLI: %d ms (service %d ms)%n",
                        (System.nanoTime() - t0) / 1_000_000,
                        JsonCodec.decode(reply.value(), MessageGenerated.class).durationMs());
            }
        }
    }

    @Test
    void poisonRequestGoesToTheDeadLetterTopicAndTheStreamContinues() {
        GenerationRequested after = Leads.lead("Zoë", "unknown", Map.of("raider", 11), List.of(
                Leads.m(1944161, "2025-08-20T16:00:00", "On it, raiding now", "raider")), List.of());
        try (var producer = producer(); var dlq = consumer(Topics.GENERATION_REQUESTS + Topics.DLQ_SUFFIX);
             var answers = consumer(Topics.GENERATED_MESSAGES)) {
            producer.send(new ProducerRecord<>(Topics.GENERATION_REQUESTS, "contact-poison", "{not json"));
            producer.send(new ProducerRecord<>(Topics.GENERATION_REQUESTS, "contact-poison-2",
                    "{\"event_id\":\"" + UUID.randomUUID() + "\",\"version\":1,\"supervisor_score\":1,"
                            + "\"hustler_score\":2,\"contact_slug\":\"contact-poison-2\",\"name\":\"x\"}"));
            producer.send(new ProducerRecord<>(Topics.GENERATION_REQUESTS, after.key(), JsonCodec.encode(after)));
            producer.flush();

            var dead = dlq.await(r -> "contact-poison".equals(r.key()));
            assertEquals("{not json", dead.value());
            Header reason = dead.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason);
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).startsWith("GenerationRequested:"));
            var missing = dlq.await(r -> "contact-poison-2".equals(r.key()));
            assertEquals("missing correlation_id",
                    new String(missing.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8));

            var answer = answers.await(r -> r.value().contains(after.correlationId()));
            assertEquals(after.key(), answer.key());
        }
    }

    @Test
    void replyIsLabeled() {
        ReplyDetected reply = ReplyDetected.of("alice", "conv-liam-7944133972", 7944133972L, 424242L,
                "Yes, I'm interested! Tell me more.", Instant.now(), Instant.now());
        try (var producer = producer(); var labels = consumer(Topics.REPLY_LABELS)) {
            producer.send(new ProducerRecord<>(Topics.REPLIES, "conv-bad", "[]"));
            producer.send(new ProducerRecord<>(Topics.REPLIES, reply.key(), JsonCodec.encode(reply)));
            producer.flush();
            var record = labels.await(r -> r.value().contains("\"telegram_message_id\":424242"));
            assertEquals(reply.key(), record.key());
            ReplyLabeled label = JsonCodec.decode(record.value(), ReplyLabeled.class);
            assertEquals("positive", label.sentiment());
            assertEquals("interested", label.intent());
            assertEquals("claude", label.labeledBy());
            assertEquals("reply.labeled", label.type());
        }
    }

    @Test
    void previewRequiresAJwt() {
        String body = JsonCodec.encode(Leads.liam());
        RestAssured.given().contentType("application/json").body(body)
                .post("/api/generator/preview").then().statusCode(401);
        RestAssured.given().contentType("application/json").body(body)
                .header("Authorization", "Bearer " + TestJwt.sign("alice", "https://someone-else.test",
                        TestJwt.AUDIENCE, Instant.now().plusSeconds(600)))
                .post("/api/generator/preview").then().statusCode(401);
        RestAssured.given().contentType("application/json").body(body)
                .header("Authorization", TestJwt.bearer("alice"))
                .post("/api/generator/preview").then().statusCode(200)
                .body("generated_by", equalTo("maya"))
                .body("owner", equalTo("alice"))
                .body("message_text", startsWith("Hey Liam,"));
        RestAssured.given().contentType("application/json").body("{\"profile_type\":\"hustler\",\"version\":1,\"supervisor_score\":1,\"hustler_score\":2}")
                .header("Authorization", TestJwt.bearer("alice"))
                .post("/api/generator/preview").then().statusCode(400).body("detail", equalTo("name is required")).body("errors[0].field", equalTo("name"));
        RestAssured.given().contentType("application/json").body("[1,2]")
                .header("Authorization", TestJwt.bearer("alice"))
                .post("/api/generator/preview").then().statusCode(400)
                .body("detail", containsString("body is not a generation request"));
    }

    @Test
    void labelEndpointUsesTheLabelingOfTheKafkaPath() {
        String interested = "Yes I'm interested, can't stop thinking about building with AI. Tell me more";
        RestAssured.given().contentType("application/json").body(Map.of("text", interested))
                .post("/api/generator/label").then().statusCode(401);
        RestAssured.given().contentType("application/json").body(Map.of("text", interested))
                .header("Authorization", TestJwt.bearer("alice"))
                .post("/api/generator/label").then().statusCode(200)
                .body("sentiment", equalTo("positive")).body("intent", equalTo("interested"))
                .body("labeled_by", equalTo("claude"));
        // the fake CLI fails on CLI-FAIL, so the same service falls back to the rules
        RestAssured.given().contentType("application/json").body(Map.of("text", interested + " CLI-FAIL"))
                .header("Authorization", TestJwt.bearer("alice"))
                .post("/api/generator/label").then().statusCode(200)
                .body("sentiment", equalTo("positive")).body("intent", equalTo("interested"))
                .body("labeled_by", equalTo("rules"));
        RestAssured.given().contentType("application/json").body(Map.of("text", "Stop messaging me. CLI-FAIL"))
                .header("Authorization", TestJwt.bearer("alice"))
                .post("/api/generator/label").then().statusCode(200)
                .body("sentiment", equalTo("negative")).body("intent", equalTo("unsubscribe"))
                .body("labeled_by", equalTo("rules"));
    }

    @Test
    void labelEndpointRefusesBadInputNamingTheField() {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{}", "text");
        bad.put("{\"text\":null}", "text");
        bad.put("{\"text\":\"\"}", "text");
        bad.put("{\"text\":\"   \\n \"}", "text");
        bad.put("{\"text\":42}", "text");
        bad.put("{\"text\":[\"yes\"]}", "text");
        bad.put("{\"text\":{\"a\":1}}", "text");
        bad.put("{\"text\":\"" + "y".repeat(4097) + "\"}", "text");
        bad.put("[\"yes\"]", "body");
        bad.put("\"yes\"", "body");
        bad.put("{not json", "body");
        for (var c : bad.entrySet()) {
            RestAssured.given().contentType("application/json").body(c.getKey())
                    .header("Authorization", TestJwt.bearer("alice"))
                    .post("/api/generator/label").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400)).body("errors[0].field", equalTo(c.getValue()))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        }
        RestAssured.given().contentType("application/json").body(Map.of("text", "ja".repeat(2048)))
                .header("Authorization", TestJwt.bearer("alice"))
                .post("/api/generator/label").then().statusCode(200); // exactly the limit: 4096 characters
    }

    @Test
    void healthAndMetrics() {
        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("generator_cli_queue_depth"));
    }

    /** The scheduler asks the (fake) CLI's `auth status` right after start; health, metrics and the API say so. */
    @Test
    void theCliStateShowsInHealthMetricsAndTheStatusEndpoint() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        String state = "";
        while (!state.equals("ready") && System.currentTimeMillis() < deadline) {
            state = RestAssured.get("/q/health/ready").then().statusCode(200).extract()
                    .path("checks.find { it.name == 'claude-cli' }.data.state");
            Thread.sleep(100);
        }
        assertEquals("ready", state);
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'claude-cli' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'claude-cli' }.data.mode", equalTo("claude"))
                .body("checks.find { it.name == 'claude-cli' }.data.auth_method", equalTo("oauth_token"));
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("generator_cli_state{state=\"ready\"} 1.0"))
                .body(org.hamcrest.Matchers.containsString("generator_cli_state{state=\"not_logged_in\"} 0.0"));
        RestAssured.get("/api/generator/status").then().statusCode(401);
        RestAssured.given().header("Authorization", TestJwt.bearer("bob")).get("/api/generator/status")
                .then().statusCode(200)
                .body("cli_state", equalTo("ready"))
                .body("mode", equalTo("claude"))
                .body("summary", equalTo("Claude is ready (oauth token)"));
    }
}
