package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * What an import did, and while it runs how far it is. {@code received = accepted + rejected + duplicates}:
 * {@code accepted} counts distinct leads published, {@code duplicates} the records a later one replaced. At most
 * {@code max-listed-rejections} rejections and {@code max-listed-duplicates} duplicates are listed one by one
 * ({@code rejections_truncated} / {@code duplicates_truncated} say when more were left out). {@code format}
 * ({@code team_members} | {@code telegram_export}) is known once the document has been read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
        String importId,
        String state,
        Instant startedAt,
        Instant finishedAt,
        int processed,
        Integer total,
        int published,
        int received,
        int accepted,
        int rejected,
        int duplicates,
        List<Rejection> rejections,
        Boolean rejectionsTruncated,
        List<Duplicate> duplicateRecords,
        Boolean duplicatesTruncated,
        String error,
        String format) {

    public static final String PARSING = "parsing";
    public static final String PUBLISHING = "publishing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public boolean finished() {
        return COMPLETED.equals(state) || FAILED.equals(state);
    }
}
