package com.scopelock.outreach.api.health;

import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.GraphSchema;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.Map;

/** Ready when FalkorDB answers a graph query (so the module is loaded, not just Redis) and the schema exists. */
@Readiness
@ApplicationScoped
public class FalkorDbHealthCheck implements AsyncHealthCheck {
    private final FalkorGraphClient graph;
    private final GraphSchema schema;

    public FalkorDbHealthCheck(FalkorGraphClient graph, GraphSchema schema) {
        this.graph = graph;
        this.schema = schema;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return graph.read("RETURN 1 AS ok", Map.of())
                .map(r -> HealthCheckResponse.named("falkordb").status(schema.ready())
                        .withData("schema", schema.ready() ? "ready" : "creating").build())
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("falkordb").down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
