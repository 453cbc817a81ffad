package com.scopelock.outreach.api.service;

import java.util.Map;

/** How many pending leads each (profile type, total score) has: the queue's counts and page positions. */
public record PendingCounts(Map<String, Map<Integer, Long>> byTypeAndScore) {

    public long count(int score, String profileType) {
        if (profileType != null) {
            return byTypeAndScore.getOrDefault(profileType, Map.of()).getOrDefault(score, 0L);
        }
        return byTypeAndScore.values().stream().mapToLong(scores -> scores.getOrDefault(score, 0L)).sum();
    }

    public long total() {
        return byTypeAndScore.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    public long matching(String profileType, int minScore) {
        long sum = 0;
        for (int score = minScore; score <= QueueService.MAX_TOTAL_SCORE; score++) {
            sum += count(score, profileType);
        }
        return sum;
    }
}
