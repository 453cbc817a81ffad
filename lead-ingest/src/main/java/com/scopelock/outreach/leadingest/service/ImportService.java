package com.scopelock.outreach.leadingest.service;

import com.scopelock.outreach.leadingest.config.IngestConfig;
import com.scopelock.outreach.leadingest.messaging.LeadUpsertPublisher;
import com.scopelock.outreach.model.JsonCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.model.LeadLinks;
import com.scopelock.outreach.model.LeadUpserted;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Imports a lead file in two passes so that a file that turns out not to be JSON writes nothing: the first
 * pass validates record by record and spools the accepted ones to a temporary file, the second publishes
 * the last version of every lead to Kafka in one transaction.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int MAX_PUBLISH_ATTEMPTS = 3;

    private final LeadFileParser parser;
    private final LeadValidator validator;
    private final LeadUpsertPublisher publisher;
    private final ImportRegistry registry;
    private final IngestConfig config;

    public ImportService(LeadFileParser parser, LeadValidator validator, LeadUpsertPublisher publisher,
                         ImportRegistry registry, IngestConfig config) {
        this.parser = parser;
        this.validator = validator;
        this.publisher = publisher;
        this.registry = registry;
        this.config = config;
    }

    public ImportReport importLeads(String owner, String importId, InputStream body) {
        ImportRun run;
        switch (registry.begin(owner, importId)) {
            case ImportRegistry.Earlier earlier -> {
                if (!earlier.report().finished()) {
                    throw new ImportInProgressException(importId);
                }
                return earlier.report(); // a retry of a completed import: the same answer, nothing published again
            }
            case ImportRegistry.Started started -> run = started.run();
        }
        Path spool = createSpool();
        try {
            long started = System.nanoTime();
            Map<Long, Integer> lastIndexById = validateAndSpool(run, owner, body, spool);
            long parsed = System.nanoTime();
            publishSpooled(run, spool, lastIndexById);
            run.complete();
            registry.finish(run);
            ImportReport report = run.snapshot();
            LOG.infof("import %s by %s: received %d, accepted %d, rejected %d, duplicates %d; read+validated in %d ms, published in %d ms",
                    importId, owner, report.received(), report.accepted(), report.rejected(), report.duplicates(),
                    (parsed - started) / 1_000_000, (System.nanoTime() - parsed) / 1_000_000);
            return report;
        } catch (MalformedLeadFileException e) {
            registry.forget(run);
            throw e;
        } catch (RuntimeException e) {
            run.fail(e.getMessage());
            registry.finish(run);
            throw e;
        } finally {
            deleteQuietly(spool);
        }
    }

    /** Spool lines are {@code index TAB telegram_id TAB event-json}: the second pass only sends them. */
    private Map<Long, Integer> validateAndSpool(ImportRun run, String owner, InputStream body, Path spool) {
        Instant now = Instant.now();
        Map<Long, Integer> lastIndexById = new HashMap<>();
        try (BufferedWriter out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
            LeadFileParser.Parsed parsed = parser.parse(body, owner, new LeadFileParser.RecordHandler() {
                @Override
                public void onRecord(int index, JsonNode record) {
                    onRecord(index, record, null);
                }

                @Override
                public void onRecord(int index, JsonNode record, LeadLinks links) {
                    accept(run, owner, now, index, record, links, lastIndexById, out);
                }
            });
            run.format(parsed.format().name().toLowerCase(Locale.ROOT));
            run.parsed(parsed.records(), lastIndexById.size());
            registry.progress(run, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the import spool", e);
        }
        return lastIndexById;
    }

    private void accept(ImportRun run, String owner, Instant now, int index, JsonNode record,
                        LeadLinks exportLinks, Map<Long, Integer> lastIndexById, BufferedWriter out) {
        run.recordProcessed();
        registry.progress(run, false);
        switch (validator.validate(index, record)) {
            case LeadValidator.Accepted accepted -> {
                LeadData lead = accepted.lead();
                LeadLinks links = exportLinks != null ? exportLinks : GroupLinks.of(lead);
                String event = JsonCodec.encode(LeadUpserted.of(owner, run.id, lead, links, now));
                int bytes = RecordSize.utf8Length(event);
                if (bytes > config.maxRecordBytes()) {
                    run.reject(RecordSize.tooLarge(index, lead.telegramId(), bytes, config.maxRecordBytes()));
                    return;
                }
                Integer previous = lastIndexById.put(lead.telegramId(), index);
                if (previous != null) {
                    run.duplicate(new Duplicate(previous, lead.telegramId(), index));
                }
                writeLine(out, index + "\t" + lead.telegramId() + "\t" + event);
            }
            case LeadValidator.Rejected rejected -> run.reject(rejected.rejection());
        }
    }

    /**
     * Sends the last version of every lead in one Kafka transaction and commits it: consumers see the file whole or
     * not at all. A lead Kafka refuses as too large cannot be left out of a running transaction, so the transaction
     * is aborted and the file sent again without it (at most {@link #MAX_PUBLISH_ATTEMPTS} times).
     */
    private void publishSpooled(ImportRun run, Path spool, Map<Long, Integer> lastIndexById) {
        Set<Integer> refused = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            int refusedBefore = refused.size();
            LeadUpsertPublisher.Transaction transaction;
            try {
                transaction = publisher.begin();
            } catch (RuntimeException e) {
                throw new PublishFailedException("Kafka did not open the import's transaction; retrying the import is safe", e);
            }
            try (transaction) {
                run.publishingStarted();
                Throwable failure = sendAll(transaction, run, spool, lastIndexById, refused);
                if (refused.size() > refusedBefore && attempt < MAX_PUBLISH_ATTEMPTS) {
                    continue; // closing aborts this transaction; the next one leaves the refused leads out
                }
                if (failure != null || refused.size() > refusedBefore) {
                    throw new PublishFailedException("Kafka did not accept every lead; nothing of this import is visible,"
                            + " retrying the import is safe", failure);
                }
                try {
                    transaction.commit();
                } catch (RuntimeException e) {
                    throw new PublishFailedException("Kafka did not commit the import; nothing of it is visible,"
                            + " retrying the import is safe", e);
                }
                return;
            }
        }
    }

    /** Sends the spooled leads (the refused ones left out); the first failure, or null when the broker took all. */
    private Throwable sendAll(LeadUpsertPublisher.Transaction transaction, ImportRun run, Path spool,
                              Map<Long, Integer> lastIndexById, Set<Integer> refused) {
        Semaphore inFlight = new Semaphore(config.maxInFlight());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        int refusedBefore = refused.size();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null && failure.get() == null && refusedSize(refused) == refusedBefore) {
                int tab = line.indexOf('\t');
                int secondTab = line.indexOf('\t', tab + 1);
                int index = Integer.parseInt(line, 0, tab, 10);
                long telegramId = Long.parseLong(line, tab + 1, secondTab, 10);
                if (lastIndexById.get(telegramId) != index || refusedContains(refused, index)) {
                    continue;
                }
                registry.progress(run, false);
                inFlight.acquire();
                CompletableFuture<Void> acked = transaction.publish(Long.toString(telegramId), line.substring(secondTab + 1))
                        .toCompletableFuture()
                        .handle((ok, error) -> {
                            inFlight.release();
                            if (RecordSize.isTooLarge(error)) {
                                synchronized (refused) {
                                    if (refused.add(index)) {
                                        run.rejectUnpublishable(RecordSize.refusedByKafka(index, telegramId));
                                    }
                                }
                            } else if (error != null) {
                                failure.compareAndSet(null, error);
                            } else {
                                run.recordPublished();
                            }
                            return null;
                        });
                pending.add(acked);
            }
            awaitAcks(run, CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the import spool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            failure.compareAndSet(null, e);
        }
        return failure.get();
    }

    private static int refusedSize(Set<Integer> refused) {
        synchronized (refused) {
            return refused.size();
        }
    }

    private static boolean refusedContains(Set<Integer> refused, int index) {
        synchronized (refused) {
            return refused.contains(index);
        }
    }

    /** Waits up to 5 minutes for the broker's acks, keeping the running report fresh meanwhile. */
    private void awaitAcks(ImportRun run, CompletableFuture<Void> all)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            try {
                all.get(10, TimeUnit.SECONDS);
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                registry.progress(run, true);
            }
        }
    }

    private Path createSpool() {
        try {
            Path dir = config.spoolDir().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "lead-import-", ".ndjson");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the import spool", e);
        }
    }

    private static void writeLine(BufferedWriter out, String line) {
        try {
            out.write(line);
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete import spool %s", file);
        }
    }
}
