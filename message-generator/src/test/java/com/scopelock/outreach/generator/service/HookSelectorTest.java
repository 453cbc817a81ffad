package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.MessageGenerated.Hook;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.scopelock.outreach.generator.Leads.lead;
import static com.scopelock.outreach.generator.Leads.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HookSelectorTest {
    private final HookSelector selector = new HookSelector();

    private Hook pick(GenerationRequested lead) {
        return selector.select(lead).orElseThrow();
    }

    @Test
    void raiderWithNumbersBeatsGenericEarnerQuestion() {
        // sample lead "Dmitri (UBC raider)": raider 15, earner 10
        var lead = lead("Dmitri (UBC raider)", "both", Map.of("raider", 15, "earner", 10), List.of(
                m(1446857, "2025-01-10T12:00:00", "Raided the thread, 20 likes in", "raider"),
                m(1687277, "2024-11-08T20:00:00", "Raided the thread, 20 likes in", "raider"),
                m(1835966, "2024-10-23T16:00:00", "Raid done ✅", "raider"),
                m(1717802, "2024-10-14T02:00:00", "Any opportunities to earn here?", "earner")), List.of());
        Hook hook = pick(lead);
        assertEquals(1446857L, hook.messageId(), "the most recent of the two identical specific snippets");
        assertEquals("raider", hook.signalType());
        assertEquals("2025-01-10T12:00:00", hook.date());
    }

    @Test
    void concreteActivityBeatsQuestionsEvenWhenTheQuestionIsNewer() {
        // sample lead "Zoë Kim": raider 11, earner 10
        var lead = lead("Zoë Kim", "unknown", Map.of("raider", 11, "earner", 10), List.of(
                m(1471859, "2025-06-30T09:00:00", "I want to earn while learning", "earner"),
                m(283835, "2025-05-23T11:00:00", "On it, raiding now", "raider"),
                m(419359, "2025-09-02T01:00:00", "Link? I'll raid", "raider"),
                m(1582462, "2025-05-17T19:00:00", "Any opportunities to earn here?", "earner"),
                m(1944161, "2025-08-20T16:00:00", "On it, raiding now", "raider")), List.of());
        assertEquals(1944161L, pick(lead).messageId());
    }

    @Test
    void strongestSignalWinsBetweenEquallySpecificSnippets() {
        var lead = lead("Ana", "supervisor", Map.of("supervisor", 14, "builder", 3), List.of(
                m(1, "2025-03-01T10:00:00", "Deployed my first FastAPI app last week", "builder"),
                m(2, "2025-03-01T10:00:00", "I managed a team of 12 mods last year", "supervisor")), List.of());
        assertEquals(2L, pick(lead).messageId());
    }

    @Test
    void specificSnippetOfASlightlyWeakerSignalBeatsAGenericOneOfTheStrongest() {
        var lead = lead("Ben", "hustler", Map.of("earner", 12, "builder", 10), List.of(
                m(1, "2025-04-01T10:00:00", "How much does this pay?", "earner"),
                m(2, "2025-04-01T10:00:00", "Looking for paid gigs", "earner"),
                m(3, "2025-03-20T10:00:00", "Wrote a script to track the wallet", "builder")), List.of());
        assertEquals(3L, pick(lead).messageId());
    }

    @Test
    void recencyDecidesBetweenSimilarSnippets() {
        var lead = lead("Chen", "hustler", Map.of("hustler", 10), List.of(
                m(1, "2023-01-01T10:00:00", "Shipped 30 posts today", "hustler"),
                m(2, "2025-01-01T10:00:00", "Done with the raid, 45 replies posted", "hustler")), List.of());
        assertEquals(2L, pick(lead).messageId());
    }

    @Test
    void withoutMatchingMessagesTheMostSpecificSampleIsUsed() {
        var lead = lead("Dee", "hustler", Map.of("hustler", 3), List.of(),
                List.of("gm", "Any opportunities to earn here?", "Finished the bounty, proof attached"));
        Hook hook = pick(lead);
        assertEquals("Finished the bounty, proof attached", hook.textSnippet());
        assertNull(hook.messageId());
    }

    @Test
    void noSnippetsNoHook() {
        var lead = lead("Jonas Al-Sayed", "hustler", Map.of("hustler", 3), List.of(), List.of());
        assertTrue(selector.select(lead).isEmpty());
    }

    @Test
    void unreadableDatesAndBlankSnippetsDoNotBreakTheChoice() {
        var lead = lead("Eve", "both", Map.of(), List.of(
                m(1, "yesterday", "  ", "raider"),
                m(2, null, "I built a small bot in Python for the group", "builder")), List.of());
        assertEquals(2L, pick(lead).messageId());
    }
}
