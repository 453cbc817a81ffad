package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.config.QueueConfig;
import com.scopelock.outreach.api.graph.LeadRepository;
import com.scopelock.outreach.api.graph.LeadRepository.QueueLead;
import com.scopelock.outreach.model.LeadData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
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
 *
 * <p>Claims: the counts are kept per claim holder too, so a member who does not see the leads claimed by
 * others ({@code show_claimed=false}) gets counts and page positions of exactly what they see.
 * {@code total_count} counts every pending lead (claimed or not); {@code filtered_count} counts what the caller
 * can page through (filters applied, others' valid claims left out unless {@code show_claimed}). A claim that
 * expires while the counts are cached shows in the counts after at most {@code count-cache-ttl}.
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
        Instant now = Instant.now();
        return counts().chain(counts -> walk(query, counts, now, MAX_TOTAL_SCORE, query.offset(), query.limit(), new ArrayList<>())
                .map(contacts -> new QueuePage(contacts, counts.total(),
                        counts.matching(query.profileTypes(), query.minScore(), query.viewer()))));
    }

    /** Forget the cached counts: this replica just changed which leads are pending or claimed. */
    public void invalidateCounts() {
        cache.set(null);
    }

    private Uni<List<QueueLead>> walk(QueueQuery query, PendingCounts counts, Instant now, int score, long skip,
                                      int need, List<QueueLead> page) {
        if (need == 0 || score < query.minScore()) {
            return Uni.createFrom().item(page);
        }
        long inBucket = counts.count(score, query.profileTypes(), query.viewer());
        if (inBucket == 0 || skip >= inBucket) {
            return walk(query, counts, now, score - 1, Math.max(0, skip - inBucket), need, page);
        }
        return leads.pendingWithScore(score, query.profileTypes(), query.owner(), query.showClaimed(), now, skip, need)
                .chain(rows -> {
                    page.addAll(rows);
                    return walk(query, counts, now, score - 1, 0, need - rows.size(), page);
                });
    }

    private Uni<PendingCounts> counts() {
        CachedCounts cached = cache.get();
        if (cached != null && System.nanoTime() - cached.loadedAtNanos() < config.countCacheTtl().toNanos()) {
            return Uni.createFrom().item(cached.counts());
        }
        long started = System.nanoTime();
        return leads.pendingCounts(Instant.now()).map(PendingCounts::new)
                .invoke(counts -> cache.set(new CachedCounts(counts, started)));
    }
}
