package com.scopelock.outreach.api.graph;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Creates the indexes and constraints of DESIGN.md at startup, idempotently ("already indexed" and
 * "already exists" are success). Until it has succeeded the service is not ready; it keeps retrying.
 */
@ApplicationScoped
public class GraphSchema {
    private static final Logger LOG = Logger.getLogger(GraphSchema.class);

    record Index(String label, String property) {
    }

    static final List<Index> INDEXES = List.of(
            new Index(Labels.CONTACT_LEAD, "telegram_id"),
            new Index(Labels.CONTACT_LEAD, "slug"),
            new Index(Labels.CONTACT_LEAD, "outreach_status"),
            new Index(Labels.CONTACT_LEAD, "total_score"),
            new Index(Labels.OUTREACH_MESSAGE, "slug"),
            new Index(Labels.OUTREACH_MESSAGE, "owner"),
            new Index(Labels.TELEGRAM_SESSION, "slug"),
            new Index(Labels.TELEGRAM_SESSION, "owner"),
            new Index(Labels.TELEGRAM_CONVERSATION, "slug"),
            new Index(Labels.TELEGRAM_CONVERSATION, "owner"),
            new Index(Labels.TELEGRAM_CONVERSATION, "conversation_status"),
            new Index(Labels.TELEGRAM_REPLY, "slug"),
            new Index(Labels.TELEGRAM_REPLY, "owner"),
            new Index(Labels.LABEL_CORRECTION, "owner"),
            new Index(Labels.CHAT, "key"),
            new Index(Labels.TEAM_MEMBER, "name"),
            new Index(Labels.LEAD_EVENT, "actor"),
            new Index(Labels.SUPPRESSED, "id_hash"));

    static final List<Index> UNIQUE = List.of(
            new Index(Labels.CONTACT_LEAD, "telegram_id"),
            new Index(Labels.CONTACT_LEAD, "slug"));

    /** Full-text indexes (one per label): the contact search by name or username. */
    static final List<String> FULLTEXT = List.of(
            "CREATE FULLTEXT INDEX FOR (n:" + Labels.CONTACT_LEAD + ") ON (n.name, n.username)");

    private final FalkorGraphClient graph;
    private volatile boolean ready;

    public GraphSchema(FalkorGraphClient graph) {
        this.graph = graph;
    }

    void onStart(@Observes StartupEvent event) {
        ensure().onFailure().invoke(e -> LOG.warnf("graph schema not created yet (%s); retrying", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).indefinitely()
                .subscribe().with(ok -> LOG.info("graph schema ready"), e -> LOG.error("graph schema failed", e));
    }

    public boolean ready() {
        return ready;
    }

    public Uni<Void> ensure() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Index index : INDEXES) {
            // label and property come from the constants above; FalkorDB does not take them as parameters
            String cypher = "CREATE INDEX FOR (n:" + index.label() + ") ON (n." + index.property() + ")";
            chain = chain.chain(() -> tolerateExisting(graph.write(cypher, Map.of()).replaceWithVoid()));
        }
        for (String cypher : FULLTEXT) {
            chain = chain.chain(() -> tolerateExisting(graph.write(cypher, Map.of()).replaceWithVoid()));
        }
        for (Index unique : UNIQUE) {
            chain = chain.chain(() -> tolerateExisting(graph.createUniqueConstraint(unique.label(), unique.property())));
        }
        return chain.invoke(() -> ready = true);
    }

    private static Uni<Void> tolerateExisting(Uni<Void> step) {
        return step.onFailure(e -> e.getMessage() != null
                        && (e.getMessage().contains("already indexed") || e.getMessage().contains("already exists")))
                .recoverWithNull().replaceWithVoid();
    }
}
