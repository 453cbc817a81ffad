package com.scopelock.outreach.leadingest.service;

import com.scopelock.outreach.leadingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Imports of this replica, by owner and id, kept for the report retention after they finish. An import is
 * visible only to the team member who started it.
 */
@ApplicationScoped
public class ImportRegistry {
    private final Map<String, ImportRun> runs = new ConcurrentHashMap<>();
    private final IngestConfig config;

    public ImportRegistry(IngestConfig config) {
        this.config = config;
    }

    /** Registers a new run, or returns the existing one of the same owner and id (an idempotent retry). */
    ImportRun startOrGet(String owner, String importId, boolean[] created) {
        evictExpired();
        ImportRun run = runs.computeIfAbsent(key(owner, importId), k -> {
            created[0] = true;
            return new ImportRun(importId, owner, config.maxListedRejections());
        });
        return run;
    }

    public Optional<ImportReport> find(String owner, String importId) {
        return Optional.ofNullable(runs.get(key(owner, importId))).map(ImportRun::snapshot);
    }

    void forget(ImportRun run) {
        runs.remove(key(run.owner, run.id));
    }

    private void evictExpired() {
        Instant cutoff = Instant.now().minus(config.reportRetention());
        runs.values().removeIf(run -> {
            ImportReport report = run.snapshot();
            return report.finished() && report.finishedAt().isBefore(cutoff);
        });
    }

    private static String key(String owner, String importId) {
        return owner + "\u0000" + importId;
    }
}
