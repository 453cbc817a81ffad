package com.scopelock.outreach.leadingest.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one running import; {@link #snapshot} gives a consistent report at any time. The lists are
 * bounded ({@code max-listed-rejections}, {@code max-listed-duplicates}); the counts stay exact.
 */
final class ImportRun {
    final String id;
    final String owner;
    final Instant startedAt = Instant.now();
    private final int maxListedRejections;
    private final int maxListedDuplicates;
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Duplicate> duplicateRecords = new ArrayList<>();
    private String state = ImportReport.PARSING;
    private int processed;
    private Integer total;
    private int accepted;
    private int rejected;
    private int duplicates;
    private int published;
    private Instant finishedAt;
    private String error;
    private String format;
    /** When the report was last written to the report store (see {@link ImportRegistry#progress}). */
    volatile long savedAtNanos = System.nanoTime();

    ImportRun(String id, String owner, int maxListedRejections, int maxListedDuplicates) {
        this.id = id;
        this.owner = owner;
        this.maxListedRejections = maxListedRejections;
        this.maxListedDuplicates = maxListedDuplicates;
    }

    synchronized void recordProcessed() {
        processed++;
    }

    synchronized void reject(Rejection rejection) {
        rejected++;
        if (rejections.size() < maxListedRejections) {
            rejections.add(rejection);
        }
    }

    /** An accepted lead that Kafka refused on its own (too large): it counts as rejected, not as accepted. */
    synchronized void rejectUnpublishable(Rejection rejection) {
        accepted--;
        reject(rejection);
    }

    synchronized void duplicate(Duplicate duplicate) {
        duplicates++;
        if (duplicateRecords.size() < maxListedDuplicates) {
            duplicateRecords.add(duplicate);
        }
    }

    synchronized void format(String format) {
        this.format = format;
    }

    synchronized void parsed(int total, int accepted) {
        this.total = total;
        this.accepted = accepted;
        this.state = ImportReport.PUBLISHING;
    }

    /** A (new) transaction starts sending the file: what an aborted one sent does not count. */
    synchronized void publishingStarted() {
        published = 0;
    }

    synchronized void recordPublished() {
        published++;
    }

    synchronized void complete() {
        state = ImportReport.COMPLETED;
        finishedAt = Instant.now();
    }

    synchronized void fail(String reason) {
        state = ImportReport.FAILED;
        error = reason;
        finishedAt = Instant.now();
    }

    synchronized ImportReport snapshot() {
        return new ImportReport(id, state, startedAt, finishedAt, processed, total, published,
                processed, accepted, rejected, duplicates, List.copyOf(rejections),
                rejected > rejections.size() ? Boolean.TRUE : null, List.copyOf(duplicateRecords),
                duplicates > duplicateRecords.size() ? Boolean.TRUE : null, error, format);
    }
}
