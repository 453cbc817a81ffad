package com.scopelock.outreach.generator;

import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.MatchingMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Leads shaped like the analysis sample (team_members.json). */
public final class Leads {
    private Leads() {
    }

    public static GenerationRequested lead(String name, String profileType, Map<String, Integer> signals,
                                           List<MatchingMessage> messages, List<String> samples) {
        return GenerationRequested.of("alice", UUID.randomUUID().toString(),
                "contact-" + name.toLowerCase().replaceAll("[^a-z]+", "-") + "-1", name, profileType, 5, 10,
                signals, messages, samples, Instant.now());
    }

    public static GenerationRequested liam() {
        return lead("Liam", "hustler", Map.of("hustler", 12, "raider", 9),
                List.of(new MatchingMessage(123, "2024-11-01T10:00:00", "Completed 100 retweets for UBC", "hustler"),
                        new MatchingMessage(124, "2024-12-01T10:00:00", "Any opportunities to earn here?", "earner"),
                        new MatchingMessage(125, "2024-10-01T10:00:00", "Raid done ✅", "raider")),
                List.of("Completed 100 retweets for UBC"));
    }

    public static MatchingMessage m(long id, String date, String text, String signal) {
        return new MatchingMessage(id, date, text, signal);
    }
}
