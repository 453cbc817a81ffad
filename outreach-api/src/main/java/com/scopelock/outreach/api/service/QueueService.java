package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.config.QueueConfig;
import com.scopelock.outreach.api.graph.LeadRepository;
import com.scopelock.outreach.api.graph.LeadRepository.QueueLead;
import com.scopelock.outreach.model.LeadData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outreach queue: pending leads, best total score first, ties by telegram_id.
 *
 * <p>FalkorDB's {@code ORDER BY … SKIP … LIMIT} sorts every match (~40 ms for the first page and ~160 ms for
 * deep pages at 100k leads), so the queue walks score buckets instead: total_score has only 31 values and an
 * index, a bucket query sorts only its own leads, and cached per-bucket counts tell which bucket an offset
 * falls in. A stale count never skips leads: a bucket that returns fewer rows than counted just moves the
 * walk on to the next bucket.
 */
@ApplicationScoped
public class QueueService {
    public static final int MAX_TOTAL_SCORE = 2 * LeadData.MAX_SCORE;

    private final LeadRepository leads;
    private final QueueConfig config;
    private final AtomicReference<CachedCounts> cache = new AtomicReference<>();

    public QueueService(LeadRepository leads, QueueConfig config) {
        this.leads = leads;
        this.config = config;
    }

    public record QueuePage(List<QueueLead> contacts, long totalCount, long filteredCount) {
    }

    private record CachedCounts(PendingCounts counts, long loadedAtNanos) {
    }

    public Uni<QueuePage> page(QueueQuery query) {
        return counts().chain(counts -> walk(query, counts, MAX_TOTAL_SCORE, query.offset(), query.limit(), new ArrayList<>())
                .map(contacts -> new QueuePage(contacts, counts.total(), counts.matching(query.profileType(), query.minScore()))));
    }

    /** Forget the cached counts: this replica just changed which leads are pending. */
    public void invalidateCounts() {
        cache.set(null);
    }

    private Uni<List<QueueLead>> walk(QueueQuery query, PendingCounts counts, int score, long skip, int need,
                                      List<QueueLead> page) {
        if (need == 0 || score < query.minScore()) {
            return Uni.createFrom().item(page);
        }
        long inBucket = counts.count(score, query.profileType());
        if (inBucket == 0 || skip >= inBucket) {
            return walk(query, counts, score - 1, Math.max(0, skip - inBucket), need, page);
        }
        return leads.pendingWithScore(score, query.profileType(), skip, need).chain(rows -> {
            page.addAll(rows);
            return walk(query, counts, score - 1, 0, need - rows.size(), page);
        });
    }

    private Uni<PendingCounts> counts() {
        CachedCounts cached = cache.get();
        if (cached != null && System.nanoTime() - cached.loadedAtNanos() < config.countCacheTtl().toNanos()) {
            return Uni.createFrom().item(cached.counts());
        }
        long started = System.nanoTime();
        return leads.pendingCountsByTypeAndScore().map(PendingCounts::new)
                .invoke(counts -> cache.set(new CachedCounts(counts, started)));
    }
}
