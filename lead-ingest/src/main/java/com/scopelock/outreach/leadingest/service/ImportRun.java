package com.scopelock.outreach.leadingest.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The mutable state of one running import; {@link #snapshot} gives a consistent report at any time. */
final class ImportRun {
    final String id;
    final String owner;
    final Instant startedAt = Instant.now();
    private final int maxListedRejections;
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private String state = ImportReport.PARSING;
    private int processed;
    private Integer total;
    private int accepted;
    private int rejected;
    private int published;
    private Instant finishedAt;
    private String error;

    ImportRun(String id, String owner, int maxListedRejections) {
        this.id = id;
        this.owner = owner;
        this.maxListedRejections = maxListedRejections;
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

    synchronized void parsed(int total, int accepted, List<Duplicate> duplicates) {
        this.total = total;
        this.accepted = accepted;
        this.duplicates.addAll(duplicates);
        this.state = ImportReport.PUBLISHING;
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
        int dups = duplicates.size();
        return new ImportReport(id, state, startedAt, finishedAt, processed, total, published,
                processed, accepted, rejected, dups, List.copyOf(rejections),
                rejected > rejections.size() ? Boolean.TRUE : null,
                Collections.unmodifiableList(new ArrayList<>(duplicates)), error);
    }
}
