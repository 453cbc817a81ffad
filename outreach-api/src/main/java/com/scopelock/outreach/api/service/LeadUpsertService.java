package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.ConnectionRepository;
import com.scopelock.outreach.api.graph.GraphDataException;
import com.scopelock.outreach.api.graph.LeadRepository;
import com.scopelock.outreach.api.messaging.DeadLetterPublisher;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.LeadUpserted;
import com.scopelock.outreach.model.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class LeadUpsertService {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LeadUpsertService.class);
    private final LeadRepository leads;
    private final ConnectionRepository connections;
    private final QueueService queue;
    private final DeadLetterPublisher deadLetters;

    public LeadUpsertService(LeadRepository leads, ConnectionRepository connections, QueueService queue,
                             DeadLetterPublisher deadLetters) {
        this.leads = leads;
        this.connections = connections;
        this.queue = queue;
        this.deadLetters = deadLetters;
    }

    public Uni<Integer> upsert(List<LeadUpserted> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // the leads first: links only attach to leads that exist (a pair whose other lead comes later is linked then)
        return leads.upsert(events)
                .onFailure(GraphDataException.class).recoverWithUni(() -> oneByOne(events))
                .invoke(queue::invalidateCounts)
                .call(() -> connections.link(events)
                        .onFailure(GraphDataException.class).recoverWithUni(() -> linkOneByOne(events)));
    }

    /** Links with a value the graph refuses: link lead by lead, the refused ones are logged and left out. */
    private Uni<Void> linkOneByOne(List<LeadUpserted> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> connections.link(List.of(event))
                        .onFailure(GraphDataException.class).recoverWithItem(e -> {
                            LOG.warnf("links of lead %d refused by the graph: %s", event.lead().telegramId(), e.getMessage());
                            return null;
                        }))
                .collect().last().replaceWithVoid();
    }

    /** A chunk with a value the graph refuses: write its leads one by one and dead-letter the ones refused. */
    private Uni<Integer> oneByOne(List<LeadUpserted> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> leads.upsert(List.of(event))
                        .onFailure(GraphDataException.class).recoverWithItem(e -> {
                            deadLetters.send(Topics.LEAD_UPSERTS, JsonCodec.encode(event), e.getMessage());
                            return 0;
                        }))
                .collect().in(() -> new int[1], (sum, n) -> sum[0] += n).map(sum -> sum[0]);
    }
}
