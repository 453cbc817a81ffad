package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.core.JsonLocation;

/** The body is not JSON, or its top level is not a lead file. Nothing of it is written. */
public class MalformedLeadFileException extends RuntimeException {
    private final long line;
    private final long column;
    private final long offset;

    public MalformedLeadFileException(String message, JsonLocation location) {
        super(message);
        this.line = location == null ? -1 : location.getLineNr();
        this.column = location == null ? -1 : location.getColumnNr();
        this.offset = location == null ? -1 : Math.max(location.getByteOffset(), location.getCharOffset());
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    public long offset() {
        return offset;
    }
}
