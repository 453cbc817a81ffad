package com.scopelock.outreach.leadingest.telegram;

import java.util.List;
import java.util.Map;

/** A small scoring setup of the unit tests' own (the shipped phrase lists are tested through the ITs). */
public final class TestScoring {
    private TestScoring() {
    }

    public static ScoringConfig config(Map<String, Long> team) {
        return new ScoringConfig() {
            public Map<String, List<String>> signals() {
                return Map.of("raider", List.of("raid*", "рейд*", "转推"), "earner", List.of("earn*"),
                        "hustler", List.of("done ✅", "completed"), "supervisor", List.of("track who"));
            }
            public Map<String, Integer> supervisorWeights() { return Map.of("supervisor", 3); }
            public Map<String, Integer> hustlerWeights() { return Map.of("hustler", 3, "raider", 2, "earner", 1); }
            public int profileThreshold() { return 6; }
            public int minMatchingMessages() { return 1; }
            public int maxMatchingMessages() { return 2; }
            public int maxSampleMessages() { return 3; }
            public int snippetLength() { return 20; }
            public int maxGroups() { return 50; }
            public int maxReplyLinks() { return 100; }
            public Map<String, Long> teamMembers() { return team; }
            public List<String> botNameSuffixes() { return List.of("bot"); }
        };
    }
}
