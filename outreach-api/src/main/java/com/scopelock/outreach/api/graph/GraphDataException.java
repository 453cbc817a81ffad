package com.scopelock.outreach.api.graph;

/** A value that the graph cannot store exactly; refused instead of silently altered. */
public class GraphDataException extends IllegalArgumentException {
    public GraphDataException(String message) {
        super(message);
    }
}
