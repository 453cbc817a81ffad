package com.scopelock.outreach.api.health;

import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.FalkorPersistence;
import com.scopelock.outreach.api.graph.FalkorPersistenceMonitor;
import com.scopelock.outreach.api.graph.GraphSchema;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Ready when FalkorDB answers a graph query (so the module is loaded, not just Redis) and the schema exists. The
 * details carry FalkorDB's persistence state (last snapshot, AOF size and status); while FalkorDB loads its data
 * after a restart this is DOWN with {@code loading: true} and its progress. Readiness only: the service stays live
 * and serves again as soon as the data is back.
 */
@Readiness
@ApplicationScoped
public class FalkorDbHealthCheck implements AsyncHealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final FalkorGraphClient graph;
    private final GraphSchema schema;
    private final FalkorPersistenceMonitor persistence;

    public FalkorDbHealthCheck(FalkorGraphClient graph, GraphSchema schema, FalkorPersistenceMonitor persistence) {
        this.graph = graph;
        this.schema = schema;
        this.persistence = persistence;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        // INFO failing decides nothing by itself: the graph query below does
        return persistence.refresh().ifNoItem().after(TIMEOUT).fail()
                .map(Optional::of).onFailure().recoverWithItem(Optional.<FalkorPersistence>empty())
                .chain(state -> state.isPresent() && state.get().loading()
                        ? Uni.createFrom().item(with(state, HealthCheckResponse.named("falkordb").down()
                                .withData("error", "FalkorDB is loading its data")).build())
                        : query(state));
    }

    private Uni<HealthCheckResponse> query(Optional<FalkorPersistence> state) {
        return graph.read("RETURN 1 AS ok", Map.of())
                .map(r -> with(state, HealthCheckResponse.named("falkordb").status(schema.ready())
                        .withData("schema", schema.ready() ? "ready" : "creating")).build())
                .ifNoItem().after(TIMEOUT).fail()
                .onFailure().recoverWithItem(e -> with(state, HealthCheckResponse.named("falkordb").down()
                        .withData("error", String.valueOf(e.getMessage()))).build());
    }

    private static HealthCheckResponseBuilder with(Optional<FalkorPersistence> state, HealthCheckResponseBuilder builder) {
        state.ifPresent(s -> s.details().forEach((key, value) -> {
            switch (value) {
                case Boolean b -> builder.withData(key, b);
                case Long l -> builder.withData(key, l);
                default -> builder.withData(key, String.valueOf(value));
            }
        }));
        return builder;
    }
}
