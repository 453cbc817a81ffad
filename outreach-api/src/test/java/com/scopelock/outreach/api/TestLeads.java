package com.scopelock.outreach.api;

import com.scopelock.outreach.api.graph.FalkorGraphClient;
import com.scopelock.outreach.api.graph.GraphTime;
import com.scopelock.outreach.api.service.QueueService;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Leads written straight into the graph for ITs: ranked first in the queue (the highest total_score). */
public final class TestLeads {
    private TestLeads() {
    }

    /** {@code status} null writes a lead stored before stages existed (no outreach_status). */
    public static void write(FalkorGraphClient graph, QueueService queue, String slug, long telegramId, String name,
                             String status, String claimedBy, Instant until) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", telegramId);
        p.put("slug", slug);
        p.put("name", name);
        p.put("half", QueueService.MAX_TOTAL_SCORE / 2);
        p.put("top", QueueService.MAX_TOTAL_SCORE);
        p.put("status", status);
        p.put("claimed_by", claimedBy);
        p.put("until", until == null ? null : GraphTime.format(until));
        graph.write("""
                MERGE (c:U4_Contact_Lead {telegram_id: $id}) SET c.slug = $slug, c.name = $name, c.outreach_status = $status,
                  c.profile_type = 'both', c.supervisor_score = $half, c.hustler_score = $half, c.total_score = $top,
                  c.claimed_by = $claimed_by, c.claimed_until = $until, c.do_not_contact = false, c.analysis_data = '{}'""", p)
                .await().atMost(Duration.ofSeconds(5));
        queue.invalidateCounts(); // written behind the service's back: its cached per-score counts do not know it
    }
}
