package com.scopelock.outreach.leadingest.service;

import com.scopelock.outreach.model.JsonCodec;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * Import reports in Redis, so that every replica answers for every import: {@code lead-ingest:report:<owner
 * length>:<owner>:<import id>} = the report's JSON, with a TTL (running: {@code running-report-ttl}, refreshed while
 * it runs; finished: {@code report-retention}). Reports are bounded, so a value stays small.
 */
@ApplicationScoped
public class ReportStore {
    private static final String PREFIX = "lead-ingest:report:";

    private final RedisDataSource redis;

    public ReportStore(RedisDataSource redis) {
        this.redis = redis;
    }

    /** Stores {@code report} unless this owner already has a report with this id; @return whether it stored it */
    boolean createIfAbsent(String owner, ImportReport report, Duration ttl) {
        Response r = call("SET", key(owner, report.importId()), JsonCodec.encode(report), "NX", "PX", millis(ttl));
        return r != null;
    }

    void save(String owner, ImportReport report, Duration ttl) {
        call("SET", key(owner, report.importId()), JsonCodec.encode(report), "PX", millis(ttl));
    }

    Optional<ImportReport> find(String owner, String importId) {
        Response r = call("GET", key(owner, importId));
        return r == null ? Optional.empty() : Optional.of(JsonCodec.decode(r.toString(), ImportReport.class));
    }

    void delete(String owner, String importId) {
        call("DEL", key(owner, importId));
    }

    static String key(String owner, String importId) {
        return PREFIX + owner.length() + ":" + owner + ":" + importId;
    }

    private Response call(String command, String... args) {
        try {
            return redis.execute(command, args);
        } catch (RuntimeException e) {
            throw new ReportStoreUnavailableException(e);
        }
    }

    private static String millis(Duration ttl) {
        return Long.toString(Math.max(1, ttl.toMillis()));
    }

    /** Redis did not answer; nothing was imported when this happens at the start, retrying is safe. */
    public static final class ReportStoreUnavailableException extends RuntimeException {
        ReportStoreUnavailableException(Throwable cause) {
            super("the import report store (Redis) is unavailable; retrying the import is safe", cause);
        }
    }
}
