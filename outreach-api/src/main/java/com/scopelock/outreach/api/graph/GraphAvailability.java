package com.scopelock.outreach.api.graph;

import com.scopelock.outreach.api.config.GraphConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Whether FalkorDB takes writes, for the Kafka consumers. A consumer's write that fails while FalkorDB is away
 * waits here until it is back and is then retried: the channel stops requesting records, so its Kafka consumer
 * pauses (pause-if-no-requests) and nothing is acknowledged, skipped or failed. Meanwhile readiness is DOWN
 * ({@code GraphConsumersHealthCheck}) and liveness stays UP. While FalkorDB is away it is asked every
 * {@code outreach.graph.availability-check} (quarkus-scheduler); the waiting writes resume when it answers.
 */
@ApplicationScoped
public class GraphAvailability {
    private static final Logger LOG = Logger.getLogger(GraphAvailability.class);

    private final FalkorGraphClient graph;
    private final GraphConfig config;
    /** Completed when FalkorDB is back; null while it is available. */
    private final AtomicReference<CompletableFuture<Void>> recovery = new AtomicReference<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Instant awaySince;

    public GraphAvailability(FalkorGraphClient graph, GraphConfig config) {
        this.graph = graph;
        this.config = config;
    }

    /**
     * Runs {@code write} once FalkorDB is available and until it succeeds: after a failure it waits for FalkorDB
     * if FalkorDB is away, or {@code outreach.graph.retry-delay} if it answers (the write failed for another reason).
     */
    public <T> Uni<T> untilWritten(String what, Supplier<Uni<T>> write) {
        return whenAvailable().chain(() -> write.get())
                .onFailure().retry().when(failures -> failures.onItem().transformToUniAndConcatenate(failure -> {
                    LOG.warnf("%s failed, retrying when FalkorDB takes writes: %s", what, failure.getMessage());
                    // an item (not null: a Multi drops it) triggers the retry
                    return afterFailure().replaceWith(Boolean.TRUE);
                }));
    }

    /** Since when FalkorDB is away (consumption paused), empty while it is available. */
    public Optional<Instant> awaySince() {
        return recovery.get() == null ? Optional.empty() : Optional.ofNullable(awaySince);
    }

    /** Writes waiting for FalkorDB to come back. */
    public int waiting() {
        return waiting.get();
    }

    @Scheduled(every = "${outreach.graph.availability-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        if (recovery.get() == null) {
            return Uni.createFrom().voidItem();
        }
        return answers().invoke(up -> {
            if (up) {
                CompletableFuture<Void> back = recovery.getAndSet(null);
                if (back != null) {
                    LOG.infof("FalkorDB answers again after %d s: consumption resumes (%d waiting writes)",
                            Duration.between(awaySince, Instant.now()).toSeconds(), waiting.get());
                    back.complete(null);
                }
            }
        }).replaceWithVoid();
    }

    private Uni<Void> whenAvailable() {
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> back = recovery.get();
            if (back == null) {
                return Uni.createFrom().voidItem();
            }
            waiting.incrementAndGet();
            // a copy per waiter: cancelling one wait must not complete the shared future
            return Uni.createFrom().completionStage(back.copy()).onTermination().invoke(waiting::decrementAndGet);
        });
    }

    private Uni<Void> afterFailure() {
        return answers().chain(up -> {
            if (up) {
                return Uni.createFrom().voidItem().onItem().delayIt().by(config.retryDelay());
            }
            markAway();
            return whenAvailable();
        });
    }

    private void markAway() {
        if (recovery.compareAndSet(null, new CompletableFuture<>())) {
            awaySince = Instant.now();
            LOG.warn("FalkorDB does not answer: consumption paused until it is back (readiness DOWN)");
        }
    }

    private Uni<Boolean> answers() {
        return graph.read("RETURN 1 AS ok", Map.of())
                .ifNoItem().after(config.availabilityTimeout()).fail()
                .map(result -> true)
                .onFailure().recoverWithItem(false);
    }
}
