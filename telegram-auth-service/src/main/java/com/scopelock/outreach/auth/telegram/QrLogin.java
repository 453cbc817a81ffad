package com.scopelock.outreach.auth.telegram;

import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.Secret;
import com.scopelock.outreach.telegram.api.TdException;
import com.scopelock.outreach.telegram.api.TdUpdate;
import com.scopelock.outreach.telegram.api.TdlibParameters;
import com.scopelock.outreach.telegram.api.TelegramClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One QR login: a live TDLib client (real or simulated) driven through its authorization states by one handler per
 * state ({@link AuthStateHandlers}, tdlight-java style). It knows nothing of Redis, Kafka or sealing: it reports to
 * {@link Events}. The 2FA password is only ever passed through as a {@link Secret} to TDLib.
 */
public final class QrLogin {
    private static final Logger LOG = Logger.getLogger(QrLogin.class);

    public enum Phase { STARTING, WAITING_SCAN, WAITING_PASSWORD, AUTHORIZING, ENDED }

    /** What a login reports; called on the client's own update thread (blocking is allowed). */
    public interface Events {
        /** A new QR link: the first one ({@code version} 1) or a rotation. */
        void qrLink(QrLogin login, String link, int version);

        void passwordRequired(QrLogin login, String hint, int attemptsLeft);

        /** Authorized: the client is still open (for getMe); the receiver closes it. Called once. */
        void ready(QrLogin login);

        /** Telegram ended the login (closed, logged out, a failed step) before it was authorized. */
        void failed(QrLogin login, String reason);
    }

    public sealed interface PasswordResult {
        record Accepted() implements PasswordResult {
        }

        record Wrong(int attemptsLeft) implements PasswordResult {
        }

        /** The last allowed attempt was wrong: the login is over. */
        record Exhausted() implements PasswordResult {
        }

        record NotWaiting(Phase phase) implements PasswordResult {
        }
    }

    private final String token;
    private final String owner;
    private final TdlibParameters parameters;
    private final Events events;
    private final CompletableFuture<TelegramClient> client = new CompletableFuture<>();
    private final CompletableFuture<String> firstLink = new CompletableFuture<>();
    private final boolean simulated;
    private volatile Phase phase = Phase.STARTING;
    private volatile String link;
    private volatile int linkVersion;
    private volatile String passwordHint;
    private int attemptsLeft;

    private QrLogin(String token, String owner, TdlibParameters parameters, int maxPasswordAttempts, Events events,
                    boolean simulated) {
        this.token = token;
        this.owner = owner;
        this.parameters = parameters;
        this.attemptsLeft = maxPasswordAttempts;
        this.events = events;
        this.simulated = simulated;
    }

    /** Creates the client; the handlers take it from {@code waitTdlibParameters} to the first QR link. */
    public static QrLogin start(TelegramClientFactory telegram, String token, String owner,
                                TdlibParameters parameters, int maxPasswordAttempts, Events events) {
        QrLogin login = new QrLogin(token, owner, parameters, maxPasswordAttempts, events, telegram.simulated());
        try {
            login.client.complete(telegram.newClient(login::onUpdate));
        } catch (RuntimeException e) {
            login.client.completeExceptionally(e);
            throw e;
        }
        return login;
    }

    void onUpdate(TdUpdate update) {
        if (update instanceof TdUpdate.AuthorizationStateChanged changed) {
            // the first update may arrive before newClient() returned: wait for the reference
            TelegramClient c = client.join();
            AuthStateHandlers.dispatch(this, c, changed.state());
        }
    }

    /** Waits for the first QR link (TDLib answers requestQrCodeAuthentication with it). */
    public String awaitFirstLink(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return firstLink.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("login failed before showing a QR code: " + e.getCause().getMessage());
        }
    }

    /**
     * Checks the 2FA password with TDLib. A wrong one (400 PASSWORD_HASH_INVALID) costs an attempt; when none is
     * left the login fails. Only one check runs at a time.
     */
    public synchronized PasswordResult checkPassword(Secret password, Duration timeout)
            throws TimeoutException, InterruptedException {
        if (phase != Phase.WAITING_PASSWORD) {
            return new PasswordResult.NotWaiting(phase);
        }
        if (attemptsLeft <= 0) {
            return new PasswordResult.Exhausted();
        }
        try {
            client.join().checkAuthenticationPassword(password).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new PasswordResult.Accepted();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TdException td && td.error().code() == 400
                    && td.error().message().contains("PASSWORD")) {
                attemptsLeft--;
                LOG.infof("%slogin %s: wrong 2FA password, %d attempt(s) left", label(), shortToken(), attemptsLeft);
                if (attemptsLeft <= 0) {
                    fail("too many wrong passwords");
                    return new PasswordResult.Exhausted();
                }
                return new PasswordResult.Wrong(attemptsLeft);
            }
            // TdException messages hold TDLib's code and text, never the password
            throw new IllegalStateException("Telegram did not check the password: " + e.getCause().getMessage());
        }
    }

    public synchronized int attemptsLeft() {
        return attemptsLeft;
    }

    /** Closes the client (keeping its database directory); idempotent. */
    public void close() {
        phase = Phase.ENDED;
        client.thenAccept(TelegramClient::close);
    }

    // ---- called by the handlers ----

    void onLink(String newLink) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.WAITING_SCAN;
        if (!newLink.equals(link)) {
            link = newLink;
            int version = ++linkVersion;
            LOG.infof("%slogin %s: QR link %s", label(), shortToken(), version == 1 ? "ready" : "rotated (v" + version + ")");
            events.qrLink(this, newLink, version);
            firstLink.complete(newLink);
        }
    }

    void onPasswordRequired(String hint) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.WAITING_PASSWORD;
        passwordHint = hint;
        LOG.infof("%slogin %s: scanned, 2FA password required", label(), shortToken());
        events.passwordRequired(this, hint, attemptsLeft());
    }

    void onReady() {
        if (phase == Phase.ENDED || phase == Phase.AUTHORIZING) {
            return;
        }
        phase = Phase.AUTHORIZING;
        LOG.infof("%slogin %s: authorized by Telegram", label(), shortToken());
        events.ready(this);
    }

    void fail(String reason) {
        if (phase == Phase.ENDED || phase == Phase.AUTHORIZING) {
            return;
        }
        phase = Phase.ENDED;
        firstLink.completeExceptionally(new IllegalStateException(reason));
        LOG.infof("%slogin %s failed: %s", label(), shortToken(), reason);
        events.failed(this, reason);
    }

    TdlibParameters parameters() {
        return parameters;
    }

    public TelegramClient client() {
        return client.join();
    }

    public String token() {
        return token;
    }

    public String owner() {
        return owner;
    }

    public Phase phase() {
        return phase;
    }

    public String link() {
        return link;
    }

    public int linkVersion() {
        return linkVersion;
    }

    public String passwordHint() {
        return passwordHint;
    }

    public boolean simulated() {
        return simulated;
    }

    /** Log prefix: every line about a simulated login says so. */
    public String label() {
        return simulated ? "[SIMULATED TELEGRAM] " : "";
    }

    /** Enough of the token to correlate log lines, not enough to use it. */
    public String shortToken() {
        return token.length() > 6 ? token.substring(0, 6) + "…" : token;
    }

    @Override
    public String toString() {
        return "QrLogin[" + shortToken() + ", owner=" + owner + ", " + phase + (simulated ? ", SIMULATED" : "") + "]";
    }
}
