package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.graph.LeadRepository.PendingBucket;

import java.util.List;

/**
 * How many pending leads each (profile type, total score, claim holder) has: the queue's counts and page
 * positions. {@code viewer} null counts every pending lead; otherwise leads with a valid claim of another
 * member are not counted (the caller cannot see them in the queue).
 */
public record PendingCounts(List<PendingBucket> buckets) {

    public long count(int score, List<String> profileTypes, String viewer) {
        long sum = 0;
        for (PendingBucket b : buckets) {
            if (b.totalScore() == score && (profileTypes.isEmpty() || profileTypes.contains(b.profileType())) && visible(b, viewer)) {
                sum += b.leads();
            }
        }
        return sum;
    }

    public long total() {
        return buckets.stream().mapToLong(PendingBucket::leads).sum();
    }

    public long matching(List<String> profileTypes, int minScore, String viewer) {
        long sum = 0;
        for (PendingBucket b : buckets) {
            if (b.totalScore() >= minScore && (profileTypes.isEmpty() || profileTypes.contains(b.profileType())) && visible(b, viewer)) {
                sum += b.leads();
            }
        }
        return sum;
    }

    private static boolean visible(PendingBucket b, String viewer) {
        return viewer == null || b.claimant() == null || b.claimant().equals(viewer);
    }
}
