package com.scopelock.outreach.telegram.tdjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.TdFunction;
import com.scopelock.outreach.telegram.api.TdRequestObserver;
import com.scopelock.outreach.telegram.api.TdUpdate;
import com.scopelock.outreach.telegram.api.TdUpdateListener;
import com.scopelock.outreach.telegram.api.TelegramClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link TelegramClient} over any {@link TdJsonTransport} (the real library or the simulator): the same code
 * path for both. Updates are delivered in order on a per-client virtual thread.
 */
public final class JsonTelegramClient implements TelegramClient {
    private static final System.Logger LOG = System.getLogger(JsonTelegramClient.class.getName());
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);
    private static final ExecutorService WAITERS = Executors.newVirtualThreadPerTaskExecutor();

    private final TdDispatcher dispatcher;
    private final int id;
    private final TdUpdateListener listener;
    private final TdRequestObserver observer;
    private final Duration defaultTimeout;
    private final ExecutorService events;
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    /** Until TDLib reports its first state (right after the client is created). */
    private volatile AuthorizationState state = new AuthorizationState.Other("unknown");
    private volatile boolean closed;

    private record Waiter(Predicate<AuthorizationState> condition, CompletableFuture<AuthorizationState> future) {
    }

    private JsonTelegramClient(TdDispatcher dispatcher, TdUpdateListener listener, TdRequestObserver observer,
                               Duration defaultTimeout) {
        this.dispatcher = dispatcher;
        this.listener = listener;
        this.observer = observer;
        this.defaultTimeout = defaultTimeout;
        this.id = dispatcher.transport().createClientId();
        this.events = Executors.newSingleThreadExecutor(Thread.ofVirtual().name(threadPrefix() + id).factory());
        dispatcher.register(id, this::onUpdate);
    }

    /**
     * Creates a client on {@code transport}; TDLib answers with {@code authorizationStateWaitTdlibParameters},
     * then expects {@link #setTdlibParameters}.
     */
    public static JsonTelegramClient create(TdJsonTransport transport, TdUpdateListener listener,
                                            Duration defaultTimeout) {
        return create(transport, listener, TdRequestObserver.NONE, defaultTimeout);
    }

    /** {@link #create(TdJsonTransport, TdUpdateListener, Duration)} with an observer of every request. */
    public static JsonTelegramClient create(TdJsonTransport transport, TdUpdateListener listener,
                                            TdRequestObserver observer, Duration defaultTimeout) {
        JsonTelegramClient client = new JsonTelegramClient(TdDispatcher.of(transport), listener, observer,
                defaultTimeout);
        // TDLib creates the client on its first request; this harmless read wakes it up.
        client.send(new TdFunction.GetOption("version")).exceptionally(e -> null);
        return client;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public boolean simulated() {
        return dispatcher.transport().simulated();
    }

    @Override
    public AuthorizationState authorizationState() {
        return state;
    }

    @Override
    public CompletableFuture<AuthorizationState> awaitAuthorizationState(Predicate<AuthorizationState> condition,
                                                                         Duration timeout) {
        CompletableFuture<AuthorizationState> future = new CompletableFuture<>();
        Waiter waiter = new Waiter(condition, future);
        waiters.add(waiter);
        AuthorizationState now = state;
        if (condition.test(now)) {
            future.complete(now);
        }
        future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((s, e) -> waiters.remove(waiter));
        return future;
    }

    @Override
    public CompletableFuture<JsonNode> send(TdFunction function, Duration timeout) {
        ObjectNode request = function.toJson();
        CompletableFuture<JsonNode> answer;
        try {
            answer = dispatcher.request(id, request, timeout);
        } catch (RuntimeException e) {
            observe(function.type(), e);
            throw e;
        }
        answer.whenComplete((ok, error) -> observe(function.type(), error));
        return answer;
    }

    private void observe(String function, Throwable error) {
        try {
            observer.completed(function, TdRequestObserver.Outcome.of(error));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "request observer of client " + id + " failed", e);
        }
    }

    @Override
    public CompletableFuture<JsonNode> send(TdFunction function) {
        return send(function, defaultTimeout);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (!(state instanceof AuthorizationState.Closed)) {
                CompletableFuture<AuthorizationState> done =
                        awaitAuthorizationState(s -> s instanceof AuthorizationState.Closed, CLOSE_TIMEOUT);
                send(new TdFunction.Close()).exceptionally(e -> null);
                done.join();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "client {0} did not reach authorizationStateClosed: {1}", id,
                    e.getMessage());
        } finally {
            closed = true;
            dispatcher.unregister(id);
            events.shutdown();
        }
    }

    /** Runs on the receive thread: track the state here, deliver to the listener on the client's own thread. */
    private void onUpdate(ObjectNode raw) {
        TdUpdate update = TdUpdate.from(raw);
        if (update instanceof TdUpdate.AuthorizationStateChanged(AuthorizationState newState)) {
            state = newState;
            for (Waiter waiter : waiters) {
                if (waiter.condition().test(newState)) {
                    // off the receive thread: whatever the caller chained to the future must not block it
                    WAITERS.execute(() -> waiter.future().complete(newState));
                }
            }
        }
        try {
            events.execute(() -> deliver(update));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "client {0} closed; dropped {1}", id, update);
        }
    }

    private void deliver(TdUpdate update) {
        try {
            listener.onUpdate(update);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "update listener of client " + id + " failed", e);
        }
    }

    private String threadPrefix() {
        return simulated() ? "simulated-telegram-client-" : "tdlib-client-";
    }

    @Override
    public String toString() {
        return (simulated() ? "SIMULATED " : "") + "JsonTelegramClient[id=" + id + ", state="
                + state.getClass().getSimpleName() + "]";
    }
}
