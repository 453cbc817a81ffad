package com.scopelock.outreach.replymonitor.support;

import com.scopelock.outreach.model.JsonCodec;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Test-side producer and a background collector of every record on the topics it is told to watch. */
public final class TestKafka implements AutoCloseable {
    private final String bootstrap;
    private final KafkaProducer<String, String> producer;
    private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
    private final List<Thread> collectors = new ArrayList<>();
    private volatile boolean running = true;

    public TestKafka(String bootstrap, String... collectTopics) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        for (String topic : collectTopics) {
            Thread t = Thread.ofPlatform().daemon().name("collect-" + topic).start(() -> collect(topic));
            collectors.add(t);
        }
    }

    private void collect(String topic) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            while (running) {
                c.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
        }
    }

    public void send(String topic, String key, Object event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, event == null ? null : JsonCodec.encode(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> List<T> events(String topic, Class<T> type, Predicate<T> filter) {
        return seen.stream().filter(r -> r.topic().equals(topic) && r.value() != null)
                .map(r -> JsonCodec.decode(r.value(), type)).filter(filter).toList();
    }

    public List<ConsumerRecord<String, String>> records(String topic, String key) {
        return seen.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : collectors) {
            t.join(5000);
        }
        producer.close();
    }
}
