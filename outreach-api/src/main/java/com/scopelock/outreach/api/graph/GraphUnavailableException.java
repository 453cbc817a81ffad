package com.scopelock.outreach.api.graph;

public class GraphUnavailableException extends RuntimeException {
    public GraphUnavailableException(String message) {
        super(message);
    }
}
