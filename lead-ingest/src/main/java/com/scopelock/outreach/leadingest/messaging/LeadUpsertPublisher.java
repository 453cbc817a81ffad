package com.scopelock.outreach.leadingest.messaging;

import com.scopelock.outreach.leadingest.config.IngestConfig;
import com.scopelock.outreach.model.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes accepted leads to {@code outreach.lead-upserts} (key = telegram_id, so a lead's versions stay in order),
 * one import file per Kafka transaction: its consumers read committed records only, so a file is seen whole or not
 * at all, also when this process dies half-way. The transactional id is one per replica
 * ({@code lead-ingest.transactional-id}, default {@code lead-ingest-<host name>}): a replica restarted with it aborts
 * its predecessor's open transaction at once; otherwise the broker aborts it after {@code transaction-timeout}.
 * One producer, one transaction at a time: the imports of a replica publish one after the other.
 */
@ApplicationScoped
public class LeadUpsertPublisher {
    private static final Logger LOG = Logger.getLogger(LeadUpsertPublisher.class);

    private final Map<String, Object> kafka;
    private final IngestConfig config;
    private final ReentrantLock lock = new ReentrantLock(true);
    private Producer<String, String> producer; // guarded by lock
    private String idSuffix = "";

    public LeadUpsertPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    /** The command line is a process of its own beside the service: it must not take over the service's id. */
    public void commandLine() {
        idSuffix = "-cli-" + ProcessHandle.current().pid();
    }

    /** Opens this import's transaction; waits while another import of this replica publishes. */
    public Transaction begin() {
        lock.lock();
        try {
            if (producer == null) {
                producer = create();
            }
            producer.beginTransaction();
            return new Transaction(producer);
        } catch (RuntimeException e) {
            discard();
            lock.unlock();
            throw e;
        }
    }

    /** One import's records. {@link #commit} makes them visible; {@link #close} without it aborts them. */
    public final class Transaction implements AutoCloseable {
        private final Producer<String, String> txProducer;
        private boolean committed;

        private Transaction(Producer<String, String> txProducer) {
            this.txProducer = txProducer;
        }

        /** {@code json} is an encoded LeadUpserted whose key is {@code key}; completes when the broker has it. */
        public CompletionStage<Void> publish(String key, String json) {
            CompletableFuture<Void> acked = new CompletableFuture<>();
            try {
                txProducer.send(new ProducerRecord<>(Topics.LEAD_UPSERTS, key, json), (metadata, error) -> {
                    if (error == null) {
                        acked.complete(null);
                    } else {
                        acked.completeExceptionally(error);
                    }
                });
            } catch (RuntimeException e) {
                acked.completeExceptionally(e);
            }
            return acked;
        }

        public void commit() {
            txProducer.commitTransaction();
            committed = true;
        }

        @Override
        public void close() {
            try {
                if (!committed) {
                    txProducer.abortTransaction();
                }
            } catch (RuntimeException e) {
                LOG.warnf("aborting an import's transaction failed (%s); the producer is recreated", e.toString());
                discard();
            } finally {
                lock.unlock();
            }
        }
    }

    private Producer<String, String> create() {
        Map<String, Object> props = new HashMap<>(kafka);
        String id = config.transactionalId().orElseGet(() -> "lead-ingest-" + hostName()) + idSuffix;
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, id);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Producer<String, String> created = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        try {
            created.initTransactions(); // fences (aborts) what a predecessor with this id left open
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        LOG.infof("transactional producer %s ready", id);
        return created;
    }

    private void discard() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }

    @PreDestroy
    void close() {
        lock.lock();
        try {
            discard();
        } finally {
            lock.unlock();
        }
    }
}
