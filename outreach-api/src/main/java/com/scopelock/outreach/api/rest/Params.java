package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;

/** Query parameters read by hand, so that a bad one is a 400 naming it (JAX-RS conversion would answer 404). */
final class Params {
    private Params() {
    }

    static long integer(String name, String raw, long fallback, long min, long max) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("invalid_parameter", name, "must be an integer, got '" + Problems.quote(raw, 100) + "'");
        }
        if (value < min || value > max) {
            throw ProblemException.invalid("invalid_parameter", name, "must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
