package com.scopelock.outreach.api.service;

import com.scopelock.outreach.model.ApiError;

/** A refusal with its HTTP status and the body to answer (an {@link ApiError} or a richer record such as a claim conflict). */
public final class ApiProblem extends RuntimeException {
    private final int status;
    private final transient Object body;

    public ApiProblem(int status, Object body, String message) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    public static ApiProblem of(int status, String error, String message) {
        return new ApiProblem(status, ApiError.of(error, message), message);
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    /** 409 body when another member holds a valid claim on the lead. */
    public record ClaimConflict(String error, String message, String claimedBy, String claimedUntil) {
    }
}
