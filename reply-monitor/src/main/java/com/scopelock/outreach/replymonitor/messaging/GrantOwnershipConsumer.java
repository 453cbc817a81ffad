package com.scopelock.outreach.replymonitor.messaging;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.replymonitor.service.KafkaConnection;
import com.scopelock.outreach.replymonitor.service.SessionManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session ownership = Kafka partition assignment of the compacted {@code telegram.session-grants} in the group
 * {@code reply-monitor.group-id}. Plain {@link KafkaConsumer} on its own thread (the connector's listener hooks
 * run on the same thread, but a plain consumer lets a test run two replicas in one JVM):
 * <ul>
 *   <li>assigned → seek to the beginning, read up to the end offset seen at assignment keeping the latest record per
 *   session, then open the live grants (all opens finished before the next poll);</li>
 *   <li>revoked or lost → close (and wipe) those partitions' sessions inside the callback, i.e. before this consumer
 *   rejoins — with the cooperative-sticky protocol another replica is given a partition only after its previous
 *   owner gave it up, so a session is never open in two replicas;</li>
 *   <li>later records: a grant opens or replaces, a tombstone closes and wipes.</li>
 * </ul>
 * Offsets are never committed: every assignment re-reads the partition (compacted, so small).
 */
public final class GrantOwnershipConsumer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GrantOwnershipConsumer.class);

    private final KafkaConsumer<String, String> consumer;
    private final SessionManager sessions;
    private final EventPublisher publisher;
    private final Thread thread;
    private final Map<TopicPartition, Long> catchingUp = new HashMap<>();
    private final Map<TopicPartition, LinkedHashMap<String, SessionGranted>> buffered = new HashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private volatile boolean healthy;
    private volatile boolean everAssigned;

    public GrantOwnershipConsumer(KafkaConnection kafka, String groupId, String clientId, SessionManager sessions,
                                  EventPublisher publisher) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.sessions = sessions;
        this.publisher = publisher;
        this.thread = Thread.ofPlatform().name("grant-ownership-" + clientId).daemon().unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    public boolean healthy() {
        return healthy && thread.isAlive();
    }

    public boolean everAssigned() {
        return everAssigned;
    }

    public Set<Integer> ownedPartitions() {
        return Set.copyOf(owned);
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.SESSION_GRANTS), new Listener());
            while (running) {
                var records = consumer.poll(Duration.ofMillis(200));
                healthy = true;
                for (ConsumerRecord<String, String> r : records) {
                    onRecord(r);
                }
                finishCatchUp();
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            healthy = false;
            LOG.errorf("grant consumer stopped: %s", e.toString());
        } finally {
            sessions.closeAll();          // before leaving the group
            owned.clear();
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private void onRecord(ConsumerRecord<String, String> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (r.key() == null) {
            return;
        }
        SessionGranted grant = null;
        if (r.value() != null) {
            try {
                grant = JsonCodec.decode(r.value(), SessionGranted.class);
            } catch (JsonCodec.PoisonRecordException e) {
                LOG.warnf("poison grant at %s@%d sent to the dead-letter topic", tp, r.offset());
                publisher.deadLetter(r.topic(), r.key(), r.value(), e.getMessage());
                return;
            }
        }
        LinkedHashMap<String, SessionGranted> buffer = buffered.get(tp);
        if (buffer != null) {                       // still catching up: keep the latest per session
            if (grant == null) {
                buffer.remove(r.key());
            } else {
                buffer.put(r.key(), grant);
            }
        } else if (grant == null) {
            sessions.remove(r.key());
        } else {
            sessions.apply(r.partition(), grant);
        }
    }

    private void finishCatchUp() {
        if (catchingUp.isEmpty()) {
            return;
        }
        List<SessionManager.Owned> ready = new ArrayList<>();
        for (var it = catchingUp.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (consumer.position(e.getKey()) >= e.getValue()) {
                it.remove();
                buffered.remove(e.getKey()).values()
                        .forEach(g -> ready.add(new SessionManager.Owned(e.getKey().partition(), g)));
            }
        }
        if (!ready.isEmpty()) {
            LOG.infof("opening %d session(s) of newly assigned partitions", ready.size());
            sessions.openAll(ready);
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            giveUp(partitions, "revoked");
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            giveUp(partitions, "lost");
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            everAssigned = true;
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                owned.add(tp.partition());
                catchingUp.put(tp, ends.getOrDefault(tp, 0L));
                buffered.put(tp, new LinkedHashMap<>());
            }
            LOG.infof("grant partitions assigned: %s", partitions);
        }

        private void giveUp(Collection<TopicPartition> partitions, String why) {
            if (partitions.isEmpty()) {
                return;
            }
            List<Integer> ids = partitions.stream().map(TopicPartition::partition).toList();
            for (TopicPartition tp : partitions) {
                catchingUp.remove(tp);
                buffered.remove(tp);
            }
            sessions.closePartitions(ids);
            owned.removeAll(ids);
            LOG.infof("grant partitions %s %s: their sessions are closed", ids, why);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
