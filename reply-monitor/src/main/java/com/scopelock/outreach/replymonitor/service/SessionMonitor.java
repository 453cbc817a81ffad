package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.SentDetected;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.Secret;
import com.scopelock.outreach.telegram.api.TdChats;
import com.scopelock.outreach.telegram.api.TdException;
import com.scopelock.outreach.telegram.api.TdMessage;
import com.scopelock.outreach.telegram.api.TdMessages;
import com.scopelock.outreach.telegram.api.TdRequestObserver;
import com.scopelock.outreach.telegram.api.TdUpdate;
import com.scopelock.outreach.telegram.api.TdlibParameters;
import com.scopelock.outreach.telegram.api.TelegramClient;
import com.scopelock.outreach.telegram.ratelimit.FloodWait;
import com.scopelock.outreach.telegram.session.SessionArchive;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One open Telegram session (one TDLib client) of one team member, owned by this replica. Real-time detection
 * from {@code updateNewMessage} (on the client's update thread) and a reconciliation loop (own virtual thread)
 * that pages {@code getChatHistory} newest-first back to the last message it has fully seen per chat — only for
 * chats TDLib has told the session about ({@link WatchedChats}: a draft's chat does not exist yet and costs no
 * request). Every Telegram request of the account goes through the shared per-account budget and is counted by
 * outcome; a FLOOD_WAIT pauses only this account. Nothing is persisted: after a restart the window starts again
 * at the watch's {@code from_message_id} (or the watch's date) and consumers deduplicate.
 */
public final class SessionMonitor {
    private static final Logger LOG = Logger.getLogger(SessionMonitor.class);

    /** How the manager hears about a session that must be dropped or reported. */
    public interface Events {
        void gone(SessionMonitor session, String status, String reason);

        void status(SessionMonitor session, String status, String reason);
    }

    private final SessionGranted grant;
    private final int partition;
    private final MonitorContext ctx;
    private final Events events;
    private final String account;
    private final WatchedChats chats;
    private final Semaphore wake = new Semaphore(0);
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile boolean loggingOut;
    private volatile boolean flooded;
    private volatile Path directory;
    private volatile TelegramClient client;
    private volatile Thread loop;
    private static final Duration MAX_IDLE = Duration.ofSeconds(1);

    public SessionMonitor(SessionGranted grant, int partition, MonitorContext ctx, Events events) {
        this.grant = grant;
        this.partition = partition;
        this.ctx = ctx;
        this.events = events;
        this.account = Long.toString(grant.telegramUserId());
        this.chats = new WatchedChats(ctx.settings().reconcileInterval(),
                new Backoff(ctx.settings().missingChatRetryInitial(), ctx.settings().missingChatRetryMax()),
                ctx.clock().instant());
    }

    public SessionGranted grant() {
        return grant;
    }

    public String slug() {
        return grant.sessionSlug();
    }

    public String owner() {
        return grant.owner();
    }

    public int partition() {
        return partition;
    }

    public String account() {
        return account;
    }

    public int chatCount() {
        return chats.size();
    }

    /**
     * Unseals, opens the client and waits for {@code authorizationStateReady}. Throws {@link SessionGoneException}
     * if the database holds no usable session (revoked meanwhile); the caller then drops it.
     */
    public void open() throws Exception {
        MonitorSettings s = ctx.settings();
        directory = SessionArchive.unseal(ctx.sealer(), grant, s.workDir(), "rm-session-");
        client = ctx.telegram().newClient(this::onUpdate,
                (function, outcome) -> ctx.metrics().request(slug(), function, outcome.tag()));
        TdlibParameters parameters = TdlibParameters.of(directory, s.apiId(), Secret.of(s.apiHash()))
                .withTestDc(s.useTestDc());
        AuthorizationState state = client.open(parameters, s.openTimeout())
                .get(s.openTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        if (!(state instanceof AuthorizationState.Ready)) {
            throw new SessionGoneException("session is no longer authorized (" + state.getClass().getSimpleName()
                    + ")");
        }
        Thread t = Thread.ofVirtual().name("reply-monitor-" + grant.sessionSlug()).unstarted(this::runLoop);
        loop = t;
        t.start();
        LOG.infof("session %s of %s open (%s, partition %d)", slug(), owner(),
                client.simulated() ? "SIMULATED TELEGRAM" : "TDLib", partition);
    }

    /** The watches of this member now: new or changed ones are reconciled at once, removed ones forgotten. */
    public void syncWatches(Collection<WatchRequested> watches) {
        chats.sync(watches);
        wake.release();
    }

    // ---------------------------------------------------------------- real time

    private void onUpdate(TdUpdate update) {
        switch (update) {
            case TdUpdate.NewChat c -> appeared(c.chat().id());
            case TdUpdate.NewMessage m when !closing -> {
                appeared(m.message().chatId());
                WatchedChats.Chat chat = chats.get(m.message().chatId());
                if (chat != null && ctx.settings().realtimeUpdates()) {
                    detect(chat.watch(), m.message(), "live");
                }
            }
            case TdUpdate.AuthorizationStateChanged a when a.state().isTerminal() && !closing && !loggingOut ->
                    events.gone(this, "revoked", "authorization state " + a.state().getClass().getSimpleName());
            case TdUpdate.ConnectionStateChanged c when "connectionStateReady".equals(c.state()) -> {
                // back online: catch up at once on whatever arrived meanwhile
                chats.allDue();
                wake.release();
            }
            default -> {
            }
        }
    }

    /** TDLib named a chat: if it is a watched draft's, it can be read now. */
    private void appeared(long chatId) {
        if (chats.appeared(chatId)) {
            LOG.debugf("chat %d of session %s appeared: reading it", chatId, slug());
            wake.release();
        }
    }

    /** Publishes a detection once per replica lifetime; the future completes when Kafka has it. */
    private CompletableFuture<Void> detect(WatchRequested watch, TdMessage message, String path) {
        MessageClassifier.Decision decision = ctx.classifier().classify(watch, message);
        Instant now = ctx.clock().instant();
        Instant date = Instant.ofEpochSecond(message.date());
        return switch (decision.kind()) {
            case REPLY -> ctx.dedupe().once(
                    DetectionDedupe.key("reply", watch.conversationId(), message.id()),
                    () -> ctx.publisher().publish(Topics.REPLIES, watch.conversationId(),
                            ReplyDetected.of(watch.owner(), watch.conversationId(), watch.contactTelegramId(),
                                    message.id(), message.text(), date, now)),
                    () -> {
                        ctx.metrics().detected("reply", path, Duration.between(date, now));
                        LOG.infof("reply %d in %s detected (%s)", message.id(), watch.conversationId(), path);
                    });
            case SENT -> ctx.dedupe().once(
                    DetectionDedupe.key("sent", watch.conversationId(), message.id()),
                    () -> ctx.publisher().publish(Topics.SENT_DETECTIONS, watch.conversationId(),
                            SentDetected.of(watch.owner(), watch.conversationId(), watch.contactTelegramId(),
                                    message.id(), date, decision.similarity(), now)),
                    () -> {
                        ctx.metrics().detected("sent", path, Duration.between(date, now));
                        LOG.infof("outreach message sent in %s detected (similarity %.2f, %s)",
                                watch.conversationId(), decision.similarity(), path);
                    });
            case NONE -> CompletableFuture.completedFuture(null);
        };
    }

    // ---------------------------------------------------------------- reconciliation

    private void runLoop() {
        try {
            loadChatList();
            while (!closing) {
                Instant now = ctx.clock().instant();
                if (chats.sweepDue(now)) {
                    sweep();
                }
                List<WatchedChats.Chat> due = chats.due(ctx.clock().instant());
                long start = System.nanoTime();
                for (WatchedChats.Chat chat : due) {
                    if (closing) {
                        return;
                    }
                    try {
                        reconcile(chat);
                        chats.succeeded(chat);
                    } catch (SessionGoneException e) {
                        events.gone(this, "revoked", e.getMessage());
                        return;
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (FloodWaitException e) {
                        chats.throttled(chat);
                    } catch (Exception e) {
                        if (TdRequestObserver.Outcome.of(e) == TdRequestObserver.Outcome.NOT_FOUND) {
                            chats.notFound(chat, ctx.clock().instant());
                            LOG.infof("chat of %s not found: a draft again, next look by backoff",
                                    chat.watch().conversationId());
                        } else {
                            chats.failed(chat, ctx.clock().instant());
                            LOG.warnf("reconciling %s failed: %s", chat.watch().conversationId(), describe(e));
                        }
                    }
                }
                if (!due.isEmpty()) {
                    ctx.metrics().pollCycle(Duration.ofNanos(System.nanoTime() - start));
                }
                // the schedule is in the monitor's clock; waking at least every second keeps it right across
                // wall-clock jumps (and lets a test's clock move on)
                long wait = Math.min(MAX_IDLE.toMillis(), chats.untilNext(ctx.clock().instant()).toMillis());
                wake.tryAcquire(Math.max(10, wait), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Once per open: TDLib announces (updateNewChat) the chats it loads, so watched chats that exist are known. */
    private void loadChatList() throws InterruptedException {
        try {
            acquire();
            client.loadChats(ctx.settings().chatListLimit())
                    .get(ctx.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            onFailure(e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
            LOG.warnf("loading the chat list of %s failed (%s): chats are learnt from updates", slug(), describe(e));
        }
    }

    /** One getChats for all drafts of the session: did TDLib learn a chat without telling us? */
    private void sweep() throws InterruptedException {
        int found = 0;
        try {
            acquire();
            TdChats list = client.getChats(ctx.settings().chatListLimit())
                    .get(ctx.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            for (long id : list.chatIds()) {
                if (chats.appeared(id)) {
                    found++;
                }
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            onFailure(e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
            LOG.warnf("sweeping the chat list of %s failed: %s", slug(), describe(e));
        }
        chats.swept(found, ctx.clock().instant());
    }

    /**
     * Pages the chat newest-first until the last fully seen message (or the watch's window start, or the page
     * limit), detects on every message in the window, and moves the high-water mark only once every detection of
     * the pass is in Kafka.
     */
    private void reconcile(WatchedChats.Chat chat) throws Exception {
        WatchRequested watch = chat.watch();
        long stopAt = Math.max(chat.lastSeenId, watch.fromMessageId() == null ? 0 : watch.fromMessageId());
        long dateFloor = watch.fromMessageId() == null ? ctx.classifier().dateFloor(watch) : Long.MIN_VALUE;
        long from = 0;
        long newest = chat.lastSeenId;
        List<CompletableFuture<Void>> publishes = new ArrayList<>();
        int pageSize = ctx.settings().historyPageSize();
        for (int page = 0; page < ctx.settings().maxHistoryPages(); page++) {
            TdMessages messages = history(watch.contactTelegramId(), from, pageSize);
            // the simulator always fills a page when it can; real TDLib may answer with fewer messages than asked
            // (only what it has at hand), so there only an empty page means the start of the chat
            boolean reachedEnd = messages.messages().isEmpty()
                    || (client.simulated() && messages.messages().size() < pageSize);
            for (TdMessage m : messages.messages()) {
                if (m.id() <= stopAt || (chat.lastSeenId == 0 && m.date() < dateFloor)) {
                    reachedEnd = true;
                    break;
                }
                newest = Math.max(newest, m.id());
                publishes.add(detect(watch, m, "reconcile"));
                from = m.id();
            }
            if (reachedEnd || messages.messages().isEmpty()) {
                break;
            }
        }
        CompletableFuture.allOf(publishes.toArray(CompletableFuture[]::new))
                .get(ctx.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (chat.watch() == watch) {
            chat.lastSeenId = newest;
        }
    }

    private TdMessages history(long chatId, long fromMessageId, int limit) throws Exception {
        acquire();
        try {
            TdMessages messages = client.getChatHistory(chatId, fromMessageId, 0, limit)
                    .get(ctx.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (flooded) {
                flooded = false;
                events.status(this, "active", "FLOOD_WAIT over");
            }
            return messages;
        } catch (ExecutionException | CompletionException e) {
            throw onFailure(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Blocks (this session's thread only) until the account's budget gives a permit. */
    private void acquire() throws InterruptedException {
        while (true) {
            if (closing) {
                throw new InterruptedException("session closing");
            }
            Duration wait = ctx.budgets().tryAcquire(account);
            if (wait.isZero()) {
                return;
            }
            Thread.sleep(Math.max(1, Math.min(wait.toMillis(), 1000)));
        }
    }

    private Exception onFailure(Throwable failure) {
        Optional<Duration> flood = ctx.budgets().onFailure(account, failure);
        if (flood.isPresent()) {
            ctx.metrics().floodWait(slug());
            if (!flooded) {
                flooded = true;
                events.status(this, "flood_wait", "FLOOD_WAIT " + flood.get().toSeconds() + " s");
            }
            LOG.warnf("FLOOD_WAIT for session %s: account paused %d s", slug(), flood.get().toSeconds());
            return new FloodWaitException();
        }
        if (failure instanceof TdException td && td.error().isUnauthorized()) {
            return new SessionGoneException("401 " + td.error().message());
        }
        if (failure instanceof TdException td && client.authorizationState().isTerminal()) {
            return new SessionGoneException("client " + td.error().message());
        }
        return failure instanceof Exception e ? e : new RuntimeException(failure);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Disconnect command: log out of Telegram (the session ends on Telegram's side too). */
    public void logOut() throws Exception {
        loggingOut = true;
        acquire();
        client.logOut().get(ctx.settings().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        client.awaitAuthorizationState(AuthorizationState::isTerminal, ctx.settings().requestTimeout())
                .get(ctx.settings().requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the loop, closes the client (waits for {@code closed}) and wipes the directory. Idempotent; a second
     * caller waits until the first has finished, so "closed" always means closed.
     */
    public void close() {
        boolean first;
        synchronized (this) {
            first = !closing;
            closing = true;
        }
        if (!first) {
            closed.join();
            return;
        }
        try {
            wake.release();
            Thread t = loop;
            if (t != null && t != Thread.currentThread()) {
                t.interrupt();
                t.join(Duration.ofSeconds(5));
            }
            TelegramClient c = client;
            if (c != null) {
                c.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("closing session %s: %s", slug(), describe(e));
        } finally {
            SessionArchive.wipe(directory);
            closed.complete(null);
            LOG.infof("session %s closed and its directory wiped", slug());
        }
    }

    /** The account is paused by the budget; the request is simply made again once it may. */
    static final class FloodWaitException extends Exception {
        FloodWaitException() {
            super("flood wait", null, false, false);
        }
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return "timeout";
        }
        return t.getClass().getSimpleName() + (t instanceof TdException ? ": " + t.getMessage() : "");
    }

    @Override
    public String toString() {
        return "SessionMonitor[" + slug() + ", owner=" + owner() + ", partition=" + partition + ", chats="
                + chats.size() + "]";
    }
}
