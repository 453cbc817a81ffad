package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.graph.ConnectionRepository;
import com.scopelock.outreach.api.service.ConnectionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** GET /api/outreach/contacts/{id}/connections: team members and leads who know the lead. */
@Path("/api/outreach/contacts/{id}/connections")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionResource {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ConnectionService connections;

    public ConnectionResource(ConnectionService connections) {
        this.connections = connections;
    }

    public record ConnectionsAnswer(String contactId, List<ConnectionRepository.Connection> connections) {
    }

    @GET
    public Uni<ConnectionsAnswer> connections(@PathParam("id") String contactId, @QueryParam("limit") String limit) {
        int max = (int) Params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        return connections.of(contactId, max).map(found -> new ConnectionsAnswer(contactId, found));
    }
}
