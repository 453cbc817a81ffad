package com.scopelock.outreach.api.service;

import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A date a member gives for later (come back, follow up): a day (its start, UTC) or an instant, in the future. */
final class FutureDates {
    private FutureDates() {
    }

    static Instant parse(String code, String field, String raw, Instant now, Duration maxAhead) {
        Instant when;
        try {
            when = raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(code, field, "must be a date (2026-12-24) or an ISO-8601 instant, got '"
                    + Problems.quote(raw, 40) + "'");
        }
        if (!when.isAfter(now)) {
            throw ProblemException.invalid(code, field, "must be in the future");
        }
        if (when.isAfter(now.plus(maxAhead))) {
            throw ProblemException.invalid(code, field, "is at most " + maxAhead.toDays() + " days ahead");
        }
        return when;
    }
}
