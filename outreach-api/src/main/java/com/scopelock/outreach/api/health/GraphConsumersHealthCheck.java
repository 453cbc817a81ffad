package com.scopelock.outreach.api.health;

import com.scopelock.outreach.api.graph.GraphAvailability;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the Kafka consumers wait for FalkorDB (consumption paused, see {@link GraphAvailability}). Readiness
 * only: the service is alive and resumes by itself when FalkorDB is back.
 */
@Readiness
@ApplicationScoped
public class GraphConsumersHealthCheck implements HealthCheck {
    private final GraphAvailability graph;

    public GraphConsumersHealthCheck(GraphAvailability graph) {
        this.graph = graph;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("graph-consumers").up();
        graph.awaySince().ifPresent(since -> builder.down().withData("paused_since", since.toString())
                .withData("waiting_writes", graph.waiting()));
        return builder.build();
    }
}
