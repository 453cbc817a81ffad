package com.scopelock.outreach.generator.messaging;

import com.scopelock.outreach.generator.config.GeneratorConfig;
import com.scopelock.outreach.generator.service.GeneratorMetrics;
import com.scopelock.outreach.generator.service.MessageGenerationService;
import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.JsonCodec.PoisonRecordException;
import com.scopelock.outreach.model.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code outreach.generation-requests}. Each request is handed to the generation service and the
 * next one is taken at once (the CLI's own slots and queue bound the work); the record is acknowledged when
 * its answer is on Kafka. Poison records are nacked, which sends them to {@code outreach.generation-requests.dlq}
 * with the reason ({@code dead-letter-reason} header), and the stream continues.
 */
@ApplicationScoped
public class GenerationRequestConsumer {
    private static final Logger LOG = Logger.getLogger(GenerationRequestConsumer.class);

    private final MessageGenerationService generation;
    private final GeneratedMessagePublisher publisher;
    private final GeneratorMetrics metrics;
    private final Duration maxAge;
    private final Clock clock;

    public GenerationRequestConsumer(MessageGenerationService generation, GeneratedMessagePublisher publisher,
                                     GeneratorMetrics metrics, GeneratorConfig config, Clock clock) {
        this.generation = generation;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxAge = config.maxRequestAge();
        this.clock = clock;
    }

    @Incoming(Topics.GENERATION_REQUESTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onRequest(Message<String> message) {
        GenerationRequested request;
        try {
            request = Events.generationRequest(message.getPayload());
        } catch (PoisonRecordException e) {
            LOG.warn("poison generation request sent to the dead-letter topic");
            return message.nack(e);
        }
        if (request.occurredAt() != null && request.occurredAt().plus(maxAge).isBefore(clock.instant())) {
            metrics.skipped("stale");
            return message.ack();
        }
        ReplyRoute route = ReplyRoute.of(message);
        generation.generate(request)
                .thenCompose(answer -> publisher.publish(answer, route))
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        message.ack();
                    } else {
                        LOG.errorf("answer for %s not published: %s", request.correlationId(),
                                error.getClass().getSimpleName());
                        message.nack(error);
                    }
                });
        return CompletableFuture.completedFuture(null);
    }
}
