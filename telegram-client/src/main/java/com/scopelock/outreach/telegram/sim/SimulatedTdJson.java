package com.scopelock.outreach.telegram.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.telegram.api.Json;
import com.scopelock.outreach.telegram.guard.ReadOnlyGuard;
import com.scopelock.outreach.telegram.tdjson.TdDispatcher;
import com.scopelock.outreach.telegram.tdjson.TdJsonTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The simulated Telegram as a TDLib JSON transport: same requests, answers and updates as libtdjson, answered
 * from the world directory shared by all processes (see {@link SimWorldStore}). A poller thread applies what
 * other processes changed (QR scans, new messages, revocations, network loss) every {@code pollInterval}.
 * Sends pass the read-only guard exactly as with the real library ({@link TdJsonTransport#send}).
 */
public final class SimulatedTdJson extends TdJsonTransport implements AutoCloseable {
    private final SimWorldStore store;
    private final LongSupplier clock;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private final Map<Integer, SimulatedClientSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ScheduledExecutorService poller;

    /**
     * Opens the world in {@code worldDir}; needs a {@link SimulatedModeGuard.Consent}, so it cannot be turned on
     * by accident.
     */
    public SimulatedTdJson(Path worldDir, Duration pollInterval, SimulatedModeGuard.Consent consent) {
        this(worldDir, pollInterval, consent, System::currentTimeMillis);
    }

    SimulatedTdJson(Path worldDir, Duration pollInterval, SimulatedModeGuard.Consent consent, LongSupplier clock) {
        if (consent == null) {
            throw new IllegalStateException("SIMULATED TELEGRAM needs SimulatedModeGuard.consent(...)");
        }
        this.store = new SimWorldStore(worldDir);
        this.clock = clock;
        this.poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("simulated-telegram-poller").factory());
        long every = Math.max(10, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        SimLog.warn("*** SIMULATED TELEGRAM transport opened on world {0} (profile {1}) ***", store.dir(),
                consent.profile());
    }

    public Path worldDir() {
        return store.dir();
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public int createClientId() {
        int id = ids.incrementAndGet();
        sessions.put(id, new SimulatedClientSession(id, store, clock, this::emit));
        return id;
    }

    @Override
    protected void doSend(int clientId, String json) {
        ObjectNode request = Json.parseObject(json);
        ReadOnlyGuard.check(request); // already checked by send(); a second time here costs nothing
        SimulatedClientSession session = sessions.get(clientId);
        if (session == null) {
            ObjectNode error = SimJson.error(400, "Invalid client identifier");
            if (request.has("@extra")) {
                error.set("@extra", request.get("@extra"));
            }
            emit(error.put("@client_id", clientId));
            return;
        }
        session.handle(request);
    }

    @Override
    protected String doExecute(String json) {
        ObjectNode request = Json.parseObject(json);
        return Json.write(switch (Json.type(request)) {
            case "setLogVerbosityLevel" -> SimJson.ok();
            case "getLogVerbosityLevel" -> Json.object("logVerbosityLevel").put("verbosity_level", 1);
            case "getOption" -> Json.object("optionValueString").put("value", "1.8.67-SIMULATED");
            default -> SimJson.error(400, "SIMULATED TELEGRAM does not execute " + Json.type(request));
        });
    }

    @Override
    protected String receive(double timeoutSeconds) {
        try {
            return outbox.poll((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void emit(ObjectNode object) {
        outbox.add(Json.write(object));
    }

    private void tick() {
        try {
            if (sessions.isEmpty()) {
                return;
            }
            // closed sessions stay (and answer 401 / "Request aborted") — they are a few small objects
            for (SimulatedClientSession session : sessions.values()) {
                session.tick();
            }
        } catch (RuntimeException e) {
            SimLog.warn("poller failed: {0}", e.toString());
        }
    }

    /** Stops the poller and this transport's receive thread. Open clients stop receiving anything. */
    @Override
    public void close() {
        poller.shutdownNow();
        TdDispatcher.of(this).stop();
        SimLog.info("transport on world {0} closed", store.dir());
    }

    @Override
    public String toString() {
        return "SimulatedTdJson[SIMULATED TELEGRAM, world=" + store.dir() + "]";
    }
}
