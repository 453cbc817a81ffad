package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.graph.GraphDataException;
import com.scopelock.outreach.api.graph.GraphUnavailableException;
import com.scopelock.outreach.api.service.ApiProblem;
import com.scopelock.outreach.model.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals of the service layer as their 4xx answers; the graph being away as 503. */
public class ApiProblemMapper {

    @ServerExceptionMapper
    public Response problem(ApiProblem problem) {
        return Response.status(problem.status()).type(MediaType.APPLICATION_JSON).entity(problem.body()).build();
    }

    @ServerExceptionMapper
    public Response graphUnavailable(GraphUnavailableException e) {
        return Response.status(503).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of("graph_unavailable", "the graph database did not answer; try again")).build();
    }

    @ServerExceptionMapper
    public Response graphData(GraphDataException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of("invalid_text", e.getMessage())).build();
    }
}
