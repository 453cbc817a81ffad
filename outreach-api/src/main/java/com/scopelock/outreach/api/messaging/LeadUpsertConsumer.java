package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.api.graph.GraphAvailability;
import com.scopelock.outreach.api.service.LeadUpsertService;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.model.Topics;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes lead upserts to the graph in batches (one UNWIND MERGE per chunk). Idempotent: replaying a batch
 * merges the same nodes again. Poison records go to the dead-letter topic and the batch goes on; while
 * FalkorDB is away the batch waits for it ({@link GraphAvailability}: consumption paused), never dropped.
 */
@ApplicationScoped
public class LeadUpsertConsumer {
    private static final Logger LOG = Logger.getLogger(LeadUpsertConsumer.class);

    private final LeadUpsertService service;
    private final DeadLetterPublisher deadLetters;
    private final GraphAvailability graph;
    private final Timer batchTimer;
    private final DistributionSummary batchSizes;

    public LeadUpsertConsumer(LeadUpsertService service, DeadLetterPublisher deadLetters, GraphAvailability graph,
                              MeterRegistry registry) {
        this.service = service;
        this.deadLetters = deadLetters;
        this.graph = graph;
        this.batchTimer = Timer.builder("outreach.lead_upserts.batch.write").description("graph write time of one consumed batch")
                .publishPercentiles(0.5, 0.95).register(registry);
        this.batchSizes = DistributionSummary.builder("outreach.lead_upserts.batch.size").register(registry);
    }

    @Incoming(Topics.LEAD_UPSERTS)
    public Uni<Void> consume(List<String> payloads) {
        List<LeadUpserted> events = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                events.add(JsonCodec.decode(payload, LeadUpserted.class));
            } catch (JsonCodec.PoisonRecordException e) {
                deadLetters.send(Topics.LEAD_UPSERTS, payload, e.getMessage());
            }
        }
        batchSizes.record(payloads.size());
        long started = System.nanoTime();
        // the graph being away is not the records' fault: keep the batch (and the partition) until it is back
        return graph.untilWritten("writing " + events.size() + " leads", () -> service.upsert(events))
                .invoke(written -> batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS))
                .invoke(written -> LOG.debugf("wrote %d leads", written))
                .replaceWithVoid();
    }
}
