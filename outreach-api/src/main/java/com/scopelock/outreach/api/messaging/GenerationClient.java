package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.MessageGenerated;
import com.scopelock.outreach.model.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Request-reply with message-generator over Kafka: publishes a {@link GenerationRequested} on
 * {@code outreach.generation-requests} (key = contact slug) and completes the caller's future when the
 * {@link MessageGenerated} with the same correlation id arrives on {@code outreach.generated-messages}.
 *
 * <p>Every replica reads every answer: the incoming channel's consumer group is unique per instance
 * ({@code outreach-api-<uuid>}, offsets never committed, {@code auto.offset.reset=latest}), so the replica that
 * holds the waiting HTTP request sees the answer whatever partition it lands on. Answers nobody waits for here
 * (another replica's, a late one) are ignored; unreadable ones are logged and skipped — they are not this
 * replica's to dead-letter (every replica would).
 *
 * <p>The consumer thread only decodes the answer and hands it over: what the waiting request does next (check
 * the text, write the graph, publish the watch record) runs on a worker, so a slow step for one member never
 * holds up the answers of the others.
 */
@ApplicationScoped
public class GenerationClient {
    private static final Logger LOG = Logger.getLogger(GenerationClient.class);

    private final MutinyEmitter<String> requests;
    private final ConcurrentHashMap<String, CompletableFuture<MessageGenerated>> pending = new ConcurrentHashMap<>();

    public GenerationClient(@Channel(Topics.GENERATION_REQUESTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
                            MutinyEmitter<String> requests) {
        this.requests = requests;
    }

    /**
     * Sends the request and waits for its answer; fails with {@link TimeoutException} after {@code timeout}, or
     * with the send error when Kafka refuses the request.
     */
    public Uni<MessageGenerated> request(GenerationRequested request, Duration timeout) {
        CompletableFuture<MessageGenerated> answer = new CompletableFuture<>();
        String correlationId = request.correlationId();
        pending.put(correlationId, answer);
        Message<String> message = Message.of(JsonCodec.encode(request)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(request.key()).build());
        try {
            requests.sendMessage(message).subscribe().with(ok -> { }, answer::completeExceptionally);
        } catch (RuntimeException e) { // e.g. the emitter's buffer is full while Kafka is unreachable
            answer.completeExceptionally(e);
        }
        return Uni.createFrom().completionStage(answer)
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout.toMillis() + " ms"))
                .onTermination().invoke(() -> pending.remove(correlationId, answer))
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }

    /** How many HTTP requests wait for an answer on this replica. */
    public int waiting() {
        return pending.size();
    }

    @Incoming(Topics.GENERATED_MESSAGES)
    public void onAnswer(String payload) {
        MessageGenerated answer;
        try {
            answer = JsonCodec.decode(payload, MessageGenerated.class);
        } catch (JsonCodec.PoisonRecordException e) {
            LOG.warnf("unreadable record on %s skipped: %s", Topics.GENERATED_MESSAGES, e.getMessage());
            return;
        }
        if (answer.correlationId() == null) {
            return;
        }
        CompletableFuture<MessageGenerated> waiting = pending.remove(answer.correlationId());
        if (waiting != null) {
            waiting.complete(answer);
        }
    }
}
