package com.scopelock.outreach.rules;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {
    private static final Pipeline.History NEW = new Pipeline.History(false, false);
    private static final Pipeline.History SENT = new Pipeline.History(true, false);
    private static final Pipeline.History ANSWERED = new Pipeline.History(true, true);

    private static void allowed(String from, String to, Pipeline.History h) {
        assertTrue(Pipeline.refusal(from, to, h).isEmpty(), from + " → " + to + ": " + Pipeline.refusal(from, to, h));
    }

    private static String refused(String from, String to, Pipeline.History h) {
        return Pipeline.refusal(from, to, h).orElseThrow(() -> new AssertionError(from + " → " + to + " was allowed"));
    }

    @Test
    void theHappyPathMovesForwardOneStepAtATime() {
        allowed("pending", "contacted", NEW);
        allowed("contacted", "replied", SENT);
        allowed("replied", "interested", ANSWERED);
        allowed("interested", "call_booked", ANSWERED);
        allowed("call_booked", "joined", ANSWERED);
        allowed("call_booked", "interested", ANSWERED); // the call fell through
    }

    @Test
    void backwardsAndSkippingAreRefusedSayingWhereTheLeadMayGo() {
        assertEquals("a lead moves from replied only to interested, call_booked, rejected or not_now, not to pending",
                refused("replied", "pending", ANSWERED));
        assertEquals("a lead moves from pending only to contacted, rejected or not_now, not to joined",
                refused("pending", "joined", NEW));
        assertTrue(refused("joined", "rejected", ANSWERED).contains("last stage"));
    }

    @Test
    void doNotContactIsNeitherATargetNorASourceOfAStageMove() {
        assertTrue(refused("do_not_contact", "pending", NEW).contains("lift the mark first"));
        assertTrue(refused("contacted", "do_not_contact", SENT).contains("POST /api/outreach/contacts/{id}/do-not-contact"));
    }

    @Test
    void parkedLeadsReopenToTheStageTheirHistoryFits() {
        allowed("rejected", "pending", NEW);
        assertEquals("the lead was contacted already; it cannot be pending again", refused("not_now", "pending", SENT));
        allowed("not_now", "contacted", SENT);
        assertTrue(refused("not_now", "contacted", NEW).contains("never sent"));
        assertTrue(refused("rejected", "contacted", ANSWERED).contains("replied already"));
        allowed("rejected", "replied", ANSWERED);
        assertTrue(refused("rejected", "replied", SENT).contains("never replied"));
        allowed("not_now", "interested", SENT);
        assertTrue(refused("not_now", "call_booked", NEW).contains("never sent"));
        assertTrue(refused("rejected", "joined", ANSWERED).contains("re-opened first"));
        allowed("rejected", "not_now", SENT);
        allowed("not_now", "rejected", NEW);
    }

    @Test
    void sameStageIsAllowedAndUnknownWordsAreNamed() {
        allowed("not_now", "not_now", SENT);
        allowed(null, "contacted", NEW); // no stored status reads as pending
        assertEquals("pending", Pipeline.stage(null));
        assertTrue(refused("pending", "hired", NEW).startsWith("'hired' is not a stage; the stages are pending, contacted"));
        assertTrue(refused("weird", "contacted", NEW).contains("unknown"));
    }

    @Test
    void theVocabularyIsTheStages() {
        assertEquals(Vocabulary.OUTREACH_STATUSES, java.util.Set.copyOf(Pipeline.STAGES));
        assertEquals(9, Pipeline.STAGES.size());
    }
}
