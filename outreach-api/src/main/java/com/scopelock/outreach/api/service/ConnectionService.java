package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.ConnectionRepository;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** "Who on our team can introduce me": a lead's connections, strongest first. */
@ApplicationScoped
public class ConnectionService {
    private final ConnectionRepository connections;

    public ConnectionService(ConnectionRepository connections) {
        this.connections = connections;
    }

    public Uni<List<ConnectionRepository.Connection>> of(String contactSlug, int limit) {
        return connections.connections(contactSlug, limit).chain(found -> found.isEmpty()
                ? connections.exists(contactSlug).map(exists -> {
                    if (!exists) {
                        throw ProblemException.of(404, "contact_not_found", "no contact " + Problems.quote(contactSlug, 100));
                    }
                    return List.<ConnectionRepository.Connection>of();
                })
                : Uni.createFrom().item(found.ranked(limit)));
    }
}
