package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.model.WatchRequested;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each watched chat of one session may be read. Pure bookkeeping (no I/O, time passed in), so the schedule is
 * tested without Telegram.
 * <ul>
 *   <li>A watch whose chat the session has not seen is a <b>draft</b>: nothing is requested for it. TDLib tells the
 *   session when a chat appears ({@code updateNewChat}, {@code updateNewMessage} — the lead writing or the member
 *   sending from their phone — and the chats {@code loadChats} loads at session start); then it is read at once.</li>
 *   <li>Seen chats are reconciled every {@code reconcileInterval}.</li>
 *   <li>A chat that answers "not found" becomes a draft again and is read no sooner than {@code missing} backoff
 *   allows (exponential, capped — a few times an hour at most); while drafts exist the whole session is swept with
 *   one {@code getChats} on the same backoff, in case TDLib learnt a chat without telling us.</li>
 *   <li>Other failures are retried after {@link #ERROR_INITIAL} (5 s doubling, at most the reconcile interval).</li>
 * </ul>
 */
public final class WatchedChats {
    static final Duration ERROR_INITIAL = Duration.ofSeconds(5);

    /** One watched conversation of this session. {@code lastSeenId} belongs to the reconciling thread. */
    public static final class Chat {
        private volatile WatchRequested watch;
        long lastSeenId;
        private boolean seen;
        private boolean due = true;
        /** The regular reconciliation. */
        private Instant nextAt = Instant.MIN;
        /** A backoff after a failure: nothing is read before it, due or not. */
        private Instant notBefore = Instant.MIN;
        private int misses;
        private int errors;

        Chat(WatchRequested watch, boolean seen) {
            this.watch = watch;
            this.seen = seen;
        }

        public WatchRequested watch() {
            return watch;
        }

        public long chatId() {
            return watch.contactTelegramId();
        }

        synchronized boolean seen() {
            return seen;
        }
    }

    private final Duration reconcileInterval;
    private final Backoff missing;
    private final Backoff errors;
    private final Map<Long, Chat> chats = new ConcurrentHashMap<>();
    /** Every chat id TDLib has told this session about (ids only; an account has at most a few thousand). */
    private final Set<Long> known = ConcurrentHashMap.newKeySet();
    private Instant sweepAt;
    private int sweepMisses;

    public WatchedChats(Duration reconcileInterval, Backoff missing, Instant now) {
        this.reconcileInterval = reconcileInterval;
        this.missing = missing;
        this.errors = new Backoff(ERROR_INITIAL, reconcileInterval.compareTo(ERROR_INITIAL) < 0 ? ERROR_INITIAL
                : reconcileInterval);
        this.sweepAt = now.plus(missing.after(1));
    }

    public int size() {
        return chats.size();
    }

    public Chat get(long chatId) {
        return chats.get(chatId);
    }

    /** The member's watches now: new or changed ones are due (if their chat is seen), removed ones forgotten. */
    public synchronized void sync(Collection<WatchRequested> watches) {
        Set<Long> keep = new HashSet<>();
        for (WatchRequested w : watches) {
            keep.add(w.contactTelegramId());
            Chat chat = chats.get(w.contactTelegramId());
            if (chat == null) {
                chats.put(w.contactTelegramId(), new Chat(w, known.contains(w.contactTelegramId())));
            } else if (!w.eventId().equals(chat.watch.eventId())) {
                chat.watch = w;
                chat.due = true;
            }
        }
        chats.keySet().retainAll(keep);
    }

    /** TDLib named this chat (new chat, new message, a sweep): it exists. True if a watched draft became readable. */
    public synchronized boolean appeared(long chatId) {
        known.add(chatId);
        Chat chat = chats.get(chatId);
        if (chat == null || chat.seen) {
            return false;
        }
        chat.seen = true;
        chat.due = true;
        return true;
    }

    /** The connection is back: read every seen chat soon (replies may have arrived meanwhile). */
    public synchronized void allDue() {
        chats.values().forEach(c -> c.due = true);
    }

    /** Seen chats to read now, in no particular order; each is scheduled for its next interval. */
    public synchronized List<Chat> due(Instant now) {
        List<Chat> out = new ArrayList<>();
        for (Chat chat : chats.values()) {
            if (chat.seen && !now.isBefore(chat.notBefore) && (chat.due || !now.isBefore(chat.nextAt))) {
                chat.due = false;
                chat.nextAt = now.plus(reconcileInterval);
                out.add(chat);
            }
        }
        return out;
    }

    public synchronized void succeeded(Chat chat) {
        chat.misses = 0;
        chat.errors = 0;
    }

    /** "Chat not found": a draft again, read no sooner than the missing-chat backoff. */
    public synchronized void notFound(Chat chat, Instant now) {
        chat.misses++;
        chat.seen = false;
        chat.due = true;
        chat.notBefore = now.plus(missing.after(chat.misses));
        known.remove(chat.chatId());
    }

    public synchronized void failed(Chat chat, Instant now) {
        chat.errors++;
        chat.due = true;
        chat.notBefore = now.plus(errors.after(chat.errors));
    }

    /** A FLOOD_WAIT: the account's budget holds every request; read the chat as soon as it lets us. */
    public synchronized void throttled(Chat chat) {
        chat.due = true;
    }

    /** True when drafts exist and the sweep's backoff has run out; the caller then sweeps and reports it. */
    public synchronized boolean sweepDue(Instant now) {
        return hasDrafts() && !now.isBefore(sweepAt);
    }

    /** After a sweep: {@code found} of the drafts appeared (0 = the backoff grows). */
    public synchronized void swept(int found, Instant now) {
        sweepMisses = found > 0 ? 0 : sweepMisses + 1;
        sweepAt = now.plus(missing.after(sweepMisses + 1));
    }

    /** How long the reconciling thread may sleep (it is woken earlier by watch changes and new chats). */
    public synchronized Duration untilNext(Instant now) {
        Instant next = Instant.MAX;
        for (Chat chat : chats.values()) {
            if (chat.seen) {
                next = min(next, chat.due ? chat.notBefore : max(chat.nextAt, chat.notBefore));
            }
        }
        if (hasDrafts()) {
            next = min(next, sweepAt);
        }
        if (next.equals(Instant.MAX)) {
            return reconcileInterval;
        }
        Duration wait = Duration.between(now, next);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private boolean hasDrafts() {
        for (Chat chat : chats.values()) {
            if (!chat.seen) {
                return true;
            }
        }
        return false;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
