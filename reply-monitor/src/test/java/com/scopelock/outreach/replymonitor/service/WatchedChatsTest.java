package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.model.WatchRequested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchedChatsTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(60);

    private static WatchedChats chats() {
        return new WatchedChats(INTERVAL, new Backoff(Duration.ofMinutes(15), Duration.ofHours(2)), T0);
    }

    private static List<WatchRequested> drafts(int n) {
        List<WatchRequested> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(WatchRequested.of("alice", 7_000_000_000L + i, "contact-" + i, "message-" + i, "Hi " + i, null, T0));
        }
        return out;
    }

    /** What the session's loop asks Telegram for, second by second, over {@code span}. */
    private static int[] run(WatchedChats chats, Instant from, Duration span) {
        int reads = 0;
        int sweeps = 0;
        for (Instant t = from; t.isBefore(from.plus(span)); t = t.plusSeconds(1)) {
            if (chats.sweepDue(t)) {
                sweeps++;
                chats.swept(0, t);
            }
            for (WatchedChats.Chat c : chats.due(t)) {
                reads++;
                chats.succeeded(c);
            }
        }
        return new int[] {reads, sweeps};
    }

    @Test
    void draftsCostNothingAndOnlyASweepAFewTimesAnHour() {
        WatchedChats chats = chats();
        chats.sync(drafts(20));
        assertEquals(20, chats.size());
        int[] tenMinutes = run(chats, T0, Duration.ofMinutes(10));
        assertEquals(0, tenMinutes[0], "no chat of a draft is read");
        assertEquals(0, tenMinutes[1], "the first sweep comes after 15 minutes");

        int[] restOfTheHour = run(chats, T0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(50));
        assertEquals(0, restOfTheHour[0]);
        assertEquals(2, restOfTheHour[1], "sweeps at 15 and 45 minutes");
        int[] aDay = run(chats, T0.plus(Duration.ofHours(1)), Duration.ofHours(24));
        assertEquals(0, aDay[0]);
        assertTrue(aDay[1] <= 13, "at most one sweep every two hours once capped: " + aDay[1]);
    }

    @Test
    void aChatThatAppearsIsReadAtOnceThenEveryInterval() {
        WatchedChats chats = chats();
        List<WatchRequested> drafts = drafts(3);
        chats.sync(drafts);
        assertTrue(chats.due(T0).isEmpty());
        long lead = drafts.get(1).contactTelegramId();
        assertFalse(chats.appeared(424242L), "not a watched chat");
        assertTrue(chats.appeared(lead));
        assertFalse(chats.appeared(lead), "already readable");
        List<WatchedChats.Chat> due = chats.due(T0.plusSeconds(5));
        assertEquals(List.of(lead), due.stream().map(WatchedChats.Chat::chatId).toList());
        assertTrue(chats.due(T0.plusSeconds(30)).isEmpty());
        assertEquals(Duration.ofSeconds(35), chats.untilNext(T0.plusSeconds(30)));
        assertEquals(1, chats.due(T0.plusSeconds(65)).size());
    }

    @Test
    void aChatAlreadyKnownWhenItsWatchArrivesIsReadAtOnce() {
        WatchedChats chats = chats();
        List<WatchRequested> drafts = drafts(1);
        chats.appeared(drafts.getFirst().contactTelegramId()); // loadChats announced it before the watch came
        chats.sync(drafts);
        assertEquals(1, chats.due(T0).size());
    }

    @Test
    void aMissingChatIsLookedForAgainOnlyAFewTimesAnHourWhateverTdlibSays() {
        WatchedChats chats = chats();
        List<WatchRequested> drafts = drafts(1);
        chats.sync(drafts);
        long lead = drafts.getFirst().contactTelegramId();
        int reads = 0;
        for (Instant t = T0; t.isBefore(T0.plus(Duration.ofHours(1))); t = t.plusSeconds(1)) {
            chats.appeared(lead); // the worst case: something keeps saying the chat exists
            for (WatchedChats.Chat c : chats.due(t)) {
                reads++;
                chats.notFound(c, t); // and Telegram keeps answering "Chat not found"
            }
        }
        assertEquals(3, reads, "at 0, 15 and 45 minutes");
    }

    @Test
    void otherFailuresBackOffFromFiveSecondsUpToTheInterval() {
        WatchedChats chats = chats();
        List<WatchRequested> drafts = drafts(1);
        chats.sync(drafts);
        chats.appeared(drafts.getFirst().contactTelegramId());
        List<Instant> reads = new ArrayList<>();
        for (Instant t = T0; t.isBefore(T0.plus(Duration.ofMinutes(5))); t = t.plusSeconds(1)) {
            for (WatchedChats.Chat c : chats.due(t)) {
                reads.add(t);
                chats.failed(c, t);
            }
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < reads.size(); i++) {
            gaps.add(Duration.between(reads.get(i - 1), reads.get(i)).toSeconds());
        }
        assertEquals(List.of(5L, 10L, 20L, 40L, 60L, 60L, 60L), gaps.subList(0, Math.min(7, gaps.size())));
    }

    @Test
    void aChangedWatchIsReadAgainAndARemovedOneForgotten() {
        WatchedChats chats = chats();
        List<WatchRequested> drafts = drafts(2);
        chats.sync(drafts);
        drafts.forEach(w -> chats.appeared(w.contactTelegramId()));
        assertEquals(2, chats.due(T0).size());
        WatchRequested edited = WatchRequested.of("alice", drafts.getFirst().contactTelegramId(), "contact-0",
                "message-0", "Hi, edited", null, T0.plusSeconds(10));
        chats.sync(List.of(edited));
        assertEquals(1, chats.size());
        List<WatchedChats.Chat> due = chats.due(T0.plusSeconds(11));
        assertEquals(1, due.size());
        assertEquals("Hi, edited", due.getFirst().watch().messageText());
    }
}
