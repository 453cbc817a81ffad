package com.scopelock.outreach.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every 4xx/5xx REST answer of the suite: a stable code, a readable message, and where in the input, if known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, Long line, Long column, Long offset) {
    public static ApiError of(String error, String message) {
        return new ApiError(error, message, null, null, null);
    }
}
