package com.scopelock.outreach.telegram.tdjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.telegram.api.Json;
import com.scopelock.outreach.telegram.api.TdError;
import com.scopelock.outreach.telegram.api.TdException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one receive thread of a transport (for the real library: of the process). Answers are matched to their
 * request by {@code @extra} and complete that request's future on a virtual thread; updates are routed by
 * {@code @client_id} to the client's handler. Obtain it with {@link #of(TdJsonTransport)}.
 */
public final class TdDispatcher {
    private static final System.Logger LOG = System.getLogger(TdDispatcher.class.getName());
    private static final Map<TdJsonTransport, TdDispatcher> DISPATCHERS =
            Collections.synchronizedMap(new IdentityHashMap<>());
    private static final ExecutorService COMPLETER = Executors.newVirtualThreadPerTaskExecutor();

    private final TdJsonTransport transport;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Integer, Consumer<ObjectNode>> clients = new ConcurrentHashMap<>();
    private final AtomicLong extras = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private record Pending(String function, CompletableFuture<JsonNode> future) {
    }

    private TdDispatcher(TdJsonTransport transport) {
        this.transport = transport;
        String name = (transport.simulated() ? "simulated-telegram" : "tdlib") + "-receive";
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::loop);
    }

    /** The dispatcher of {@code transport}, started on first use; there is never a second one. */
    public static TdDispatcher of(TdJsonTransport transport) {
        synchronized (DISPATCHERS) {
            TdDispatcher dispatcher = DISPATCHERS.get(transport);
            if (dispatcher == null) {
                dispatcher = new TdDispatcher(transport);
                DISPATCHERS.put(transport, dispatcher);
                dispatcher.thread.start();
            }
            return dispatcher;
        }
    }

    public TdJsonTransport transport() {
        return transport;
    }

    /** Routes updates carrying {@code @client_id == clientId} to {@code handler} (called on the receive thread). */
    void register(int clientId, Consumer<ObjectNode> handler) {
        clients.put(clientId, handler);
    }

    void unregister(int clientId) {
        clients.remove(clientId);
    }

    int registeredClients() {
        return clients.size();
    }

    /**
     * Sends {@code request} (a fresh object; {@code @extra} is set here) to the client. The read-only guard runs
     * synchronously inside {@link TdJsonTransport#send}: a forbidden function throws and is never sent.
     */
    CompletableFuture<JsonNode> request(int clientId, ObjectNode request, Duration timeout) {
        if (!running) {
            throw new IllegalStateException("dispatcher stopped");
        }
        long extra = extras.incrementAndGet();
        request.put("@extra", extra);
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(extra, new Pending(Json.type(request), future));
        try {
            transport.send(clientId, request);
        } catch (RuntimeException e) {
            pending.remove(extra);
            throw e;
        }
        future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, error) -> pending.remove(extra));
        return future;
    }

    /** Stops the receive loop (simulated transports only; the real library's thread lives as long as the JVM). */
    public void stop() {
        if (!transport.simulated()) {
            throw new IllegalStateException("the TDLib receive thread is never stopped");
        }
        running = false;
        DISPATCHERS.remove(transport);
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            String answer;
            try {
                answer = transport.receive(1.0);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "receive failed on " + thread.getName(), e);
                continue;
            }
            if (answer != null) {
                try {
                    dispatch(Json.parseObject(answer));
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot dispatch TDLib answer: " + e.getMessage());
                }
            }
        }
    }

    private void dispatch(ObjectNode answer) {
        JsonNode extraNode = answer.get("@extra");
        if (extraNode != null && extraNode.canConvertToLong()) {
            Pending request = pending.remove(extraNode.asLong());
            if (request != null) {
                COMPLETER.execute(() -> complete(request, answer));
                return;
            }
        }
        JsonNode clientId = answer.get("@client_id");
        Consumer<ObjectNode> handler = clientId == null ? null : clients.get(clientId.asInt());
        if (handler != null) {
            handler.accept(answer);
        } else if (extraNode == null) {
            LOG.log(System.Logger.Level.DEBUG, "dropped {0} for unknown client", Json.type(answer));
        }
    }

    private static void complete(Pending request, ObjectNode answer) {
        if ("error".equals(Json.type(answer))) {
            request.future().completeExceptionally(new TdException(request.function(), TdError.from(answer)));
        } else {
            request.future().complete(answer);
        }
    }
}
