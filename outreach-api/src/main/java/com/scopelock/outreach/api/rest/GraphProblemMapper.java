package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.graph.GraphDataException;
import com.scopelock.outreach.api.graph.GraphUnavailableException;
import com.scopelock.outreach.problems.ProblemWriter;
import com.scopelock.outreach.problems.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** The graph being away as 503; text the graph cannot store as 400. */
public class GraphProblemMapper {
    private final ProblemWriter writer;

    public GraphProblemMapper(ProblemWriter writer) {
        this.writer = writer;
    }

    @ServerExceptionMapper
    public Response graphUnavailable(GraphUnavailableException e, HttpServerRequest request) {
        return writer.response(Problems.of(503, "graph_unavailable", "the graph database did not answer; try again"),
                request.path(), Map.of("Retry-After", "5"));
    }

    @ServerExceptionMapper
    public Response graphData(GraphDataException e, HttpServerRequest request) {
        return writer.response(Problems.of(400, "invalid_text", e.getMessage()), request.path(), Map.of());
    }
}
