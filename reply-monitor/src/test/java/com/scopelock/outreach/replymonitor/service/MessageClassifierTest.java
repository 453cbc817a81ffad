package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.telegram.api.TdMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageClassifierTest {
    private static final long LEAD = 5_000_000_002L;
    private static final long ME = 5_000_000_001L;
    private static final Instant WATCHED_AT = Instant.parse("2026-11-20T10:00:00Z");
    private final MessageClassifier classifier = new MessageClassifier(0.85, Duration.ofMinutes(2));

    private static WatchRequested watch(Long fromMessageId) {
        return WatchRequested.of("mia", LEAD, "lead-anna", "msg-1", "Hi Anna, want to chat?", fromMessageId,
                WATCHED_AT);
    }

    private static TdMessage msg(long id, long chat, long sender, boolean outgoing, Instant date, String text) {
        return new TdMessage(id, chat, sender, outgoing, date.getEpochSecond(), "messageText", text);
    }

    @Test
    void incomingFromTheLeadAfterTheWatchIsAReply() {
        var d = classifier.classify(watch(100L << 20), msg(101L << 20, LEAD, LEAD, false, WATCHED_AT, "sure"));
        assertEquals(MessageClassifier.Kind.REPLY, d.kind());
    }

    @Test
    void theMembersOwnMessagesAreNeverReplies() {
        var w = watch(100L << 20);
        assertEquals(MessageClassifier.Kind.NONE,
                classifier.classify(w, msg(102L << 20, LEAD, ME, true, WATCHED_AT, "any news?")).kind());
        // outgoing flag wins even if a sender id looked like the lead's
        assertEquals(MessageClassifier.Kind.NONE,
                classifier.classify(w, msg(103L << 20, LEAD, LEAD, true, WATCHED_AT, "hmm")).kind());
    }

    @Test
    void otherChatsSendersAndOldMessagesAreIgnored() {
        var w = watch(100L << 20);
        assertEquals(MessageClassifier.Kind.NONE,
                classifier.classify(w, msg(101L << 20, 42, 42, false, WATCHED_AT, "other chat")).kind());
        assertEquals(MessageClassifier.Kind.NONE,
                classifier.classify(w, msg(101L << 20, LEAD, 42, false, WATCHED_AT, "someone else")).kind());
        assertEquals(MessageClassifier.Kind.NONE,
                classifier.classify(w, msg(100L << 20, LEAD, LEAD, false, WATCHED_AT, "the from message")).kind());
    }

    @Test
    void withoutFromMessageIdTheWatchDateMinusSlackBounds() {
        var w = watch(null);
        assertEquals(MessageClassifier.Kind.REPLY, classifier.classify(w,
                msg(1, LEAD, LEAD, false, WATCHED_AT.minusSeconds(60), "within slack")).kind());
        assertEquals(MessageClassifier.Kind.NONE, classifier.classify(w,
                msg(1, LEAD, LEAD, false, WATCHED_AT.minusSeconds(600), "before the outreach")).kind());
    }

    @Test
    void outgoingMatchingTheGeneratedTextIsSent() {
        var w = watch(100L << 20);
        var d = classifier.classify(w, msg(104L << 20, LEAD, ME, true, WATCHED_AT, "hi anna - want to chat"));
        assertEquals(MessageClassifier.Kind.SENT, d.kind());
        assertTrue(d.similarity() >= 0.85);
        assertEquals(MessageClassifier.Kind.NONE,
                classifier.classify(w, msg(105L << 20, LEAD, ME, true, WATCHED_AT, "Thanks!")).kind());
    }
}
