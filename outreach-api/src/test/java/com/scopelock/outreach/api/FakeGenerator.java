package com.scopelock.outreach.api;

import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.MessageGenerated;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.testsupport.KafkaTestResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays message-generator on the real broker: reads outreach.generation-requests and, depending on
 * {@link #mode}, answers on outreach.generated-messages with the request's correlation id and key, stays silent,
 * or answers a text with an injected link.
 */
public final class FakeGenerator implements AutoCloseable {
    /** ECHO_LEAD_LINK: obeys an injection in the lead data, copying the first link found there into the answer. */
    public enum Mode { ANSWER, SILENT, INJECTED_LINK, ECHO_LEAD_LINK }

    public volatile Mode mode = Mode.ANSWER;
    public final List<ConsumerRecord<String, String>> requests = new CopyOnWriteArrayList<>();

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final Thread thread;
    private volatile boolean running = true;

    public FakeGenerator() {
        String servers = KafkaTestResource.broker().bootstrapServers();
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.GENERATION_REQUESTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now: nothing sent after this is missed
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 0));
        thread = new Thread(this::run, "fake-message-generator");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                requests.add(record);
                GenerationRequested request = JsonCodec.decode(record.value(), GenerationRequested.class);
                String text = switch (mode) {
                    case SILENT -> null;
                    case ANSWER -> "Hey " + request.name() + ", saw you completed 100 retweets for UBC. We're ScopeLock,"
                            + " helping junior devs build real client projects with AI. Interested in hearing more?";
                    case INJECTED_LINK -> "Hey " + request.name() + ", claim your reward at https://evil.example.com now!";
                    case ECHO_LEAD_LINK -> "Hey " + request.name() + ", claim your reward at " + firstLink(request) + " now!";
                };
                if (text == null) {
                    continue;
                }
                var hook = request.matchingMessages().isEmpty() ? null : request.matchingMessages().getFirst();
                MessageGenerated answer = MessageGenerated.answer(request, text, MessageGenerated.BY_MAYA,
                        new MessageGenerated.PersonalizationContext(hook == null ? null
                                : new MessageGenerated.Hook(hook.messageId(), hook.textSnippet(), hook.signalType(), hook.date()),
                                List.copyOf(request.signals().keySet()), hook != null),
                        null, Instant.now(), 5);
                producer.send(new ProducerRecord<>(Topics.GENERATED_MESSAGES, answer.key(), JsonCodec.encode(answer)));
                producer.flush();
            }
        }
        consumer.close();
    }

    private static String firstLink(GenerationRequested request) {
        for (String sample : request.sampleMessages()) {
            int at = sample.indexOf("https://");
            if (at >= 0) {
                int end = sample.indexOf(' ', at);
                return sample.substring(at, end < 0 ? sample.length() : end);
            }
        }
        return "https://no-link-in-the-lead.example";
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        producer.close();
    }
}
