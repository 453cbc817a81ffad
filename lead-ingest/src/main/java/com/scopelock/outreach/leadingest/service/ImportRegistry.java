package com.scopelock.outreach.leadingest.service;

import com.scopelock.outreach.leadingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Imports by owner and id. The runs of this replica are in memory while they run; every report (running or
 * finished) is in the {@link ReportStore}, where any replica reads it. An import is visible only to the team member
 * who started it.
 */
@ApplicationScoped
public class ImportRegistry {
    private static final Logger LOG = Logger.getLogger(ImportRegistry.class);
    private static final long SAVE_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final Map<String, ImportRun> running = new ConcurrentHashMap<>();
    private final ReportStore store;
    private final IngestConfig config;

    public ImportRegistry(ReportStore store, IngestConfig config) {
        this.store = store;
        this.config = config;
    }

    /** A new run, or the report of an earlier import with this owner and id. */
    sealed interface Begin permits Started, Earlier {
    }

    record Started(ImportRun run) implements Begin {
    }

    record Earlier(ImportReport report) implements Begin {
    }

    /** Starts a run unless one with this owner and id ran (its report) or runs; a failed one is started again. */
    Begin begin(String owner, String importId) {
        ImportRun run = new ImportRun(importId, owner, config.maxListedRejections(), config.maxListedDuplicates());
        for (int attempt = 0; attempt < 3; attempt++) {
            if (store.createIfAbsent(owner, run.snapshot(), config.runningReportTtl())) {
                running.put(key(owner, importId), run);
                return new Started(run);
            }
            Optional<ImportReport> earlier = store.find(owner, importId);
            if (earlier.isEmpty()) {
                continue; // expired in between
            }
            if (!ImportReport.FAILED.equals(earlier.get().state())) {
                return new Earlier(earlier.get());
            }
            store.delete(owner, importId);
        }
        throw new ImportInProgressException(importId);
    }

    /** Writes the running report to the store, at most once a second unless {@code force}. */
    void progress(ImportRun run, boolean force) {
        long now = System.nanoTime();
        if (!force && now - run.savedAtNanos < SAVE_EVERY_NANOS) {
            return;
        }
        run.savedAtNanos = now;
        try {
            store.save(run.owner, run.snapshot(), config.runningReportTtl());
        } catch (ReportStore.ReportStoreUnavailableException e) {
            LOG.warnf("import %s: progress not saved (%s)", run.id, e.getCause());
        }
    }

    /** The run ended (completed or failed): its final report is kept for {@code report-retention}. */
    void finish(ImportRun run) {
        running.remove(key(run.owner, run.id), run);
        try {
            store.save(run.owner, run.snapshot(), config.reportRetention());
        } catch (ReportStore.ReportStoreUnavailableException e) {
            LOG.warnf("import %s: final report not saved (%s)", run.id, e.getCause());
        }
    }

    /** The file was not a lead file: nothing was imported, the id may be used again. */
    void forget(ImportRun run) {
        running.remove(key(run.owner, run.id), run);
        try {
            store.delete(run.owner, run.id);
        } catch (ReportStore.ReportStoreUnavailableException e) {
            LOG.warnf("import %s: report of a rejected file not deleted (%s)", run.id, e.getCause());
        }
    }

    public Optional<ImportReport> find(String owner, String importId) {
        ImportRun here = running.get(key(owner, importId));
        return here != null ? Optional.of(here.snapshot()) : store.find(owner, importId);
    }

    private static String key(String owner, String importId) {
        return owner + "\u0000" + importId;
    }
}
