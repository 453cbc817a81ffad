package com.scopelock.outreach.telegram.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.telegram.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One simulated TDLib client: the authorization state machine (QR login, 2FA, ready, revoked, closed) and the
 * read functions, answered from the shared world. Requests arrive on the sender's thread, {@link #tick} on the
 * simulator's poller thread; both are synchronized.
 */
final class SimulatedClientSession {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long STALE_LOGIN_MILLIS = 15 * 60_000;

    private enum Phase { NEW, WAIT_PARAMETERS, WAIT_PHONE, WAIT_QR, WAIT_PASSWORD, READY, CLOSED }

    private final int clientId;
    private final SimWorldStore store;
    private final LongSupplier clock;
    private final Consumer<ObjectNode> out;

    private Phase phase = Phase.NEW;
    private Path databaseDirectory;
    private String deviceModel = "";
    private String loginId;
    private long qrEpoch = -1;
    private long pendingUserId;
    private String sessionId;
    private long userId;
    private long lastSeq;
    private boolean loggedOut;
    private boolean chatsLoaded;
    /** Chats this client has been told about with updateNewChat (TDLib sends it once per chat, before anything else). */
    private final java.util.Set<Long> announced = new java.util.HashSet<>();
    private Boolean networkDown;
    private final List<ObjectNode> parked = new ArrayList<>();
    private Runnable afterAnswer;

    /** An error answer: TDLib's {@code error} object. */
    static final class SimError extends RuntimeException {
        final int code;

        SimError(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    SimulatedClientSession(int clientId, SimWorldStore store, LongSupplier clock, Consumer<ObjectNode> out) {
        this.clientId = clientId;
        this.store = store;
        this.clock = clock;
        this.out = out;
    }

    synchronized boolean isClosed() {
        return phase == Phase.CLOSED;
    }

    synchronized void handle(ObjectNode request) {
        if (phase == Phase.NEW) {
            phase = Phase.WAIT_PARAMETERS;
            emitState("authorizationStateWaitTdlibParameters");
        }
        JsonNode extra = request.get("@extra");
        ObjectNode answer;
        try {
            answer = answer(request, Json.type(request));
        } catch (SimError e) {
            answer = SimJson.error(e.code, e.getMessage());
        }
        if (answer == null) {
            return; // parked until the network is back
        }
        if (extra != null) {
            answer.set("@extra", extra);
        }
        emit(answer);
        if (afterAnswer != null) {
            Runnable next = afterAnswer;
            afterAnswer = null;
            next.run();
        }
    }

    /**
     * Called by the poller: QR rotation and scans, revocation, new messages, network changes. The world is read
     * under this session's lock, so it is never older than what this session itself just wrote (a stale snapshot
     * would, e.g., not yet contain the session created by a login a moment ago and look "revoked").
     */
    synchronized void tick() {
        if (phase == Phase.NEW || phase == Phase.CLOSED) {
            return;
        }
        SimWorld world = store.current();
        if (networkDown == null || networkDown != world.networkDown) {
            networkDown = world.networkDown;
            emit(SimJson.updateConnectionState(networkDown));
            if (!networkDown && !parked.isEmpty()) {
                List<ObjectNode> retry = new ArrayList<>(parked);
                parked.clear();
                retry.forEach(this::handle);
                world = store.current(); // the retried requests may have changed it (e.g. a login completed)
            }
        }
        if (phase == Phase.CLOSED) {
            return;
        }
        if (phase == Phase.WAIT_QR) {
            tickQr(world);
        } else if (phase == Phase.READY) {
            tickReady(world);
        }
    }

    private void tickQr(SimWorld world) {
        SimWorld.QrLogin login = world.qrLogins.get(loginId);
        if (login == null) {
            return;
        }
        if (login.scannedByUserId != null) {
            long scannedBy = login.scannedByUserId;
            store.update(w -> w.qrLogins.remove(loginId));
            SimWorld.User user = world.user(scannedBy);
            if (user.passwordSha256 != null) {
                phase = Phase.WAIT_PASSWORD;
                pendingUserId = scannedBy;
                emitState(SimJson.authorizationState("authorizationStateWaitPassword")
                        .put("password_hint", user.passwordHint).put("has_recovery_email_address", false)
                        .put("has_passport_data", false).put("recovery_email_address_pattern", ""));
            } else {
                completeLogin(scannedBy);
            }
            return;
        }
        long epoch = SimQr.epoch(login, clock.getAsLong());
        if (epoch != qrEpoch) {
            qrEpoch = epoch;
            emitQrLink(login, epoch);
        }
    }

    private void tickReady(SimWorld world) {
        SimWorld.Session session = world.sessions.get(sessionId);
        if (session == null || session.revoked) {
            SimLog.info("session of user {0} was revoked; client {1} logs out", userId, clientId);
            SimulatedSessionMarker.delete(databaseDirectory);
            loggedOut = true;
            emitState("authorizationStateLoggingOut");
            emitState("authorizationStateClosing");
            phase = Phase.CLOSED;
            emitState("authorizationStateClosed");
            return;
        }
        if (world.networkDown) {
            return; // updates arrive when the network is back
        }
        world.messages.stream()
                .filter(m -> m.ownerUserId == userId && m.seq > lastSeq)
                .sorted(Comparator.comparingLong(m -> m.seq))
                .forEach(m -> {
                    lastSeq = m.seq;
                    announce(world, m.chatId);
                    emit(SimJson.updateNewMessage(m));
                });
    }

    private ObjectNode answer(ObjectNode request, String type) {
        switch (type) {
            case "getOption":
                return option(request.path("name").asText());
            case "setOption", "setLogVerbosityLevel":
                return SimJson.ok();
            case "getLogVerbosityLevel":
                return Json.object("logVerbosityLevel").put("verbosity_level", 1);
            case "getAuthorizationState":
                return stateJson();
            case "close":
                return close();
            default:
                break;
        }
        if (phase == Phase.CLOSED) {
            throw loggedOut ? new SimError(401, "Unauthorized") : new SimError(500, "Request aborted");
        }
        return switch (type) {
            case "setTdlibParameters" -> setTdlibParameters(request);
            case "requestQrCodeAuthentication" -> parkIfOffline(request) ? null : requestQr();
            case "checkAuthenticationPassword" -> parkIfOffline(request) ? null : checkPassword(request);
            case "logOut" -> logOut();
            case "getMe", "getUser", "getChat", "loadChats", "getChats", "getChatHistory", "getMessage" ->
                    read(request, type);
            default -> throw new SimError(400, "SIMULATED TELEGRAM does not implement " + type);
        };
    }

    private ObjectNode option(String name) {
        return switch (name) {
            case "version" -> Json.object("optionValueString").put("value", "1.8.67-SIMULATED");
            case "my_id" -> phase == Phase.READY
                    ? Json.object("optionValueInteger").put("value", Long.toString(userId))
                    : Json.object("optionValueEmpty");
            default -> Json.object("optionValueEmpty");
        };
    }

    private ObjectNode close() {
        if (phase == Phase.WAIT_QR && loginId != null) {
            store.update(w -> w.qrLogins.remove(loginId)); // nobody will show this QR code any more
        }
        if (phase != Phase.CLOSED) {
            emitState("authorizationStateClosing");
            afterAnswer = () -> {
                phase = Phase.CLOSED;
                emitState("authorizationStateClosed");
            };
        }
        return SimJson.ok();
    }

    private ObjectNode setTdlibParameters(ObjectNode request) {
        if (phase != Phase.WAIT_PARAMETERS) {
            throw new SimError(400, "Unexpected setTdlibParameters");
        }
        if (request.path("api_id").asInt() <= 0 || request.path("api_hash").asText("").isEmpty()) {
            throw new SimError(400, "Valid api_id must be provided. Can be obtained at https://my.telegram.org");
        }
        String dir = request.path("database_directory").asText("");
        if (dir.isEmpty()) {
            throw new SimError(400, "SIMULATED TELEGRAM needs a database_directory to keep the session in");
        }
        databaseDirectory = Path.of(dir);
        deviceModel = request.path("device_model").asText("");
        try {
            Files.createDirectories(databaseDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<SimulatedSessionMarker> marker = SimulatedSessionMarker.read(databaseDirectory);
        SimWorld world = store.current();
        if (marker.isPresent()) {
            SimWorld.Session session = world.sessions.get(marker.get().sessionId());
            if (session != null && !session.revoked) {
                sessionId = session.sessionId;
                userId = session.userId;
                lastSeq = world.nextSeq - 1;
                phase = Phase.READY;
                SimLog.info("client {0} resumed the session of user {1} from its database directory", clientId,
                        userId);
                emitState("authorizationStateReady");
                return SimJson.ok();
            }
            SimulatedSessionMarker.delete(databaseDirectory);
        }
        phase = Phase.WAIT_PHONE;
        emitState("authorizationStateWaitPhoneNumber");
        return SimJson.ok();
    }

    private ObjectNode requestQr() {
        if (phase != Phase.WAIT_PHONE && phase != Phase.WAIT_QR) {
            throw new SimError(400, "Unexpected requestQrCodeAuthentication");
        }
        String id = randomHex(12);
        long now = clock.getAsLong();
        SimWorld.QrLogin login = store.update(w -> {
            SimWorld.QrLogin l = new SimWorld.QrLogin();
            l.loginId = id;
            l.createdAtMillis = now;
            l.rotationMillis = w.qrRotationMillis;
            // logins left behind by crashed processes
            w.qrLogins.values().removeIf(stale -> now - stale.createdAtMillis > STALE_LOGIN_MILLIS);
            w.qrLogins.put(id, l);
            if (loginId != null) {
                w.qrLogins.remove(loginId);
            }
            return l;
        });
        loginId = id;
        phase = Phase.WAIT_QR;
        qrEpoch = 0;
        SimLog.info("client {0} shows a QR code (link rotates every {1} ms)", clientId, login.rotationMillis);
        emitQrLink(login, 0);
        return SimJson.ok();
    }

    private ObjectNode checkPassword(ObjectNode request) {
        if (phase != Phase.WAIT_PASSWORD) {
            throw new SimError(400, "Unexpected checkAuthenticationPassword");
        }
        SimWorld.User user = store.current().user(pendingUserId);
        String given = SimQr.sha256Hex(request.path("password").asText(""));
        if (user == null || !given.equals(user.passwordSha256)) {
            SimLog.info("client {0}: wrong 2FA password", clientId);
            throw new SimError(400, "PASSWORD_HASH_INVALID");
        }
        completeLogin(pendingUserId);
        return SimJson.ok();
    }

    private ObjectNode logOut() {
        if (phase == Phase.READY) {
            store.update(w -> {
                SimWorld.Session session = w.sessions.get(sessionId);
                if (session != null) {
                    session.revoked = true;
                }
                return null;
            });
            SimulatedSessionMarker.delete(databaseDirectory);
            SimLog.info("client {0} logged out user {1}", clientId, userId);
        }
        loggedOut = true;
        emitState("authorizationStateLoggingOut");
        afterAnswer = () -> {
            emitState("authorizationStateClosing");
            phase = Phase.CLOSED;
            emitState("authorizationStateClosed");
        };
        return SimJson.ok();
    }

    private void completeLogin(long accountUserId) {
        String id = randomHex(16);
        long now = clock.getAsLong();
        lastSeq = store.update(w -> {
            SimWorld.Session session = new SimWorld.Session();
            session.sessionId = id;
            session.userId = accountUserId;
            session.createdAtMillis = now;
            session.deviceModel = deviceModel;
            w.sessions.put(id, session);
            return w.nextSeq - 1;
        });
        sessionId = id;
        userId = accountUserId;
        new SimulatedSessionMarker(id, accountUserId).write(databaseDirectory);
        phase = Phase.READY;
        SimLog.info("client {0} logged in as user {1}", clientId, accountUserId);
        emitState("authorizationStateReady");
    }

    private ObjectNode read(ObjectNode request, String type) {
        if (phase != Phase.READY) {
            throw new SimError(401, "Unauthorized");
        }
        SimWorld world = store.current();
        SimWorld.Session session = world.sessions.get(sessionId);
        if (session == null || session.revoked) {
            throw new SimError(401, "Unauthorized");
        }
        long now = clock.getAsLong();
        SimWorld.User me = world.user(userId);
        if (me.floodUntilMillis > now) {
            long seconds = Math.max(1, (me.floodUntilMillis - now + 999) / 1000);
            throw new SimError(429, "Too Many Requests: retry after " + seconds);
        }
        boolean network = type.equals("loadChats")
                || (type.equals("getChatHistory") && !request.path("only_local").asBoolean());
        if (network && parkIfOffline(request)) {
            return null;
        }
        return new SimulatedReads(world, userId).answer(request, type, this);
    }

    /** Emits updateNewChat for the chat unless this client has already had it (as TDLib guarantees). */
    void announce(SimWorld world, long chatId) {
        SimWorld.Chat chat = world.chat(userId, chatId);
        if (chat != null && announced.add(chatId)) {
            List<SimWorld.Message> messages = world.messagesOf(userId, chatId);
            SimWorld.Message last = messages.stream().max(Comparator.comparingLong(m -> m.id)).orElse(null);
            emit(SimJson.updateNewChat(chat, last));
        }
    }

    /** loadChats answers 404 once everything is loaded, per client — as TDLib does. */
    boolean markChatsLoaded() {
        boolean first = !chatsLoaded;
        chatsLoaded = true;
        return first;
    }

    private boolean parkIfOffline(ObjectNode request) {
        if (store.current().networkDown) {
            parked.add(request);
            return true;
        }
        return false;
    }

    private ObjectNode stateJson() {
        return switch (phase) {
            case NEW, WAIT_PARAMETERS -> Json.object("authorizationStateWaitTdlibParameters");
            case WAIT_PHONE -> Json.object("authorizationStateWaitPhoneNumber");
            case WAIT_QR -> Json.object("authorizationStateWaitOtherDeviceConfirmation")
                    .put("link", SimQr.link(store.current().qrLogins.getOrDefault(loginId, new SimWorld.QrLogin()),
                            qrEpoch));
            case WAIT_PASSWORD -> Json.object("authorizationStateWaitPassword")
                    .put("password_hint", store.current().user(pendingUserId).passwordHint);
            case READY -> Json.object("authorizationStateReady");
            case CLOSED -> Json.object("authorizationStateClosed");
        };
    }

    private void emitQrLink(SimWorld.QrLogin login, long epoch) {
        emitState(Json.object("authorizationStateWaitOtherDeviceConfirmation").put("link", SimQr.link(login, epoch)));
    }

    private void emitState(String type) {
        emitState(SimJson.authorizationState(type));
    }

    private void emitState(ObjectNode state) {
        emit(SimJson.updateAuthorizationState(state));
    }

    private void emit(ObjectNode object) {
        object.put("@client_id", clientId);
        out.accept(object);
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    SimError error(int code, String message) {
        return new SimError(code, message);
    }
}
