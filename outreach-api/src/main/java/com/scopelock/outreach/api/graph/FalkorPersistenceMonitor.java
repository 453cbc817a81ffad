package com.scopelock.outreach.api.graph;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.ToDoubleFunction;

/**
 * Keeps FalkorDB's latest persistence state (polled every {@code outreach.graph.persistence-poll}, and on every
 * readiness check) and shows it as gauges; a gauge reads NaN while the state is unknown (FalkorDB unreachable).
 */
@ApplicationScoped
public class FalkorPersistenceMonitor {
    private final FalkorGraphClient graph;
    private volatile FalkorPersistence latest;

    public FalkorPersistenceMonitor(FalkorGraphClient graph, MeterRegistry registry) {
        this.graph = graph;
        gauge(registry, "falkordb.loading", null, "1 while FalkorDB loads its data and answers queries with -LOADING",
                p -> flag(p.loading()));
        gauge(registry, "falkordb.rdb.last.save.time", "seconds", "Unix time of FalkorDB's last successful RDB snapshot",
                p -> orNaN(p.rdbLastSaveTime()));
        gauge(registry, "falkordb.rdb.changes.since.last.save", null, "writes not yet in an RDB snapshot",
                p -> orNaN(p.rdbChangesSinceLastSave()));
        gauge(registry, "falkordb.rdb.last.save.ok", null, "1 if FalkorDB's last RDB snapshot succeeded",
                p -> flag("ok".equals(p.rdbLastSaveStatus())));
        gauge(registry, "falkordb.aof.enabled", null, "1 if FalkorDB writes an append-only file", p -> flag(p.aofEnabled()));
        gauge(registry, "falkordb.aof.size", "bytes", "size of FalkorDB's append-only file (base + tail)",
                p -> orNaN(p.aofSize()));
        gauge(registry, "falkordb.aof.base.size", "bytes", "size of the AOF's base (its RDB part) after the last rewrite",
                p -> orNaN(p.aofBaseSize()));
        gauge(registry, "falkordb.aof.last.rewrite.ok", null, "1 if FalkorDB's last AOF rewrite succeeded",
                p -> flag("ok".equals(p.aofLastRewriteStatus())));
        gauge(registry, "falkordb.aof.last.write.ok", null, "1 if FalkorDB's last AOF write succeeded",
                p -> flag("ok".equals(p.aofLastWriteStatus())));
    }

    @Scheduled(every = "${outreach.graph.persistence-poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return refresh().replaceWithVoid().onFailure().recoverWithNull();
    }

    /** Asks FalkorDB now; the gauges show the answer (or NaN if there is none). */
    public Uni<FalkorPersistence> refresh() {
        return graph.persistence().invoke(p -> latest = p).onFailure().invoke(e -> latest = null);
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
                       ToDoubleFunction<FalkorPersistence> value) {
        Gauge.builder(name, this, m -> m.latest == null ? Double.NaN : value.applyAsDouble(m.latest))
                .description(description).baseUnit(unit).strongReference(true).register(registry);
    }

    private static double flag(boolean b) {
        return b ? 1 : 0;
    }

    private static double orNaN(Long n) {
        return n == null ? Double.NaN : n;
    }
}
