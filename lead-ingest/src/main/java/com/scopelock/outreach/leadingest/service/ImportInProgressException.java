package com.scopelock.outreach.leadingest.service;

/** The same import id is still running: the client should poll its progress rather than upload twice. */
public class ImportInProgressException extends RuntimeException {
    public ImportInProgressException(String importId) {
        super("import " + importId + " is still running; poll GET /api/leads/imports/" + importId);
    }
}
