package com.scopelock.outreach.replymonitor.messaging;

import com.scopelock.outreach.replymonitor.service.KafkaConnection;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every partition of a topic from the beginning without a consumer group (each replica needs the whole
 * watch list and all commands, whatever sessions it owns). {@link #caughtUp()} turns true once the end offsets seen
 * at start have been reached.
 */
public final class AllPartitionsReader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AllPartitionsReader.class);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final Consumer<ConsumerRecord<String, String>> handler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile boolean healthy;

    public AllPartitionsReader(KafkaConnection kafka, String topic, String clientId,
                               Consumer<ConsumerRecord<String, String>> handler) {
        this.topic = topic;
        this.handler = handler;
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.thread = Thread.ofPlatform().name("reader-" + clientId).daemon().unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public boolean healthy() {
        return healthy && thread.isAlive();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                healthy = true;
                for (ConsumerRecord<String, String> r : records) {
                    try {
                        handler.accept(r);
                    } catch (RuntimeException e) {
                        LOG.warnf("%s record at %d-%d not applied: %s", topic, r.partition(), r.offset(),
                                e.getClass().getSimpleName());
                    }
                }
                if (!caughtUp && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    LOG.infof("%s read to its end at start", topic);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            healthy = false;
            LOG.errorf("%s reader stopped: %s", topic, e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
