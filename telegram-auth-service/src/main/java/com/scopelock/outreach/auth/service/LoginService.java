package com.scopelock.outreach.auth.service;

import com.scopelock.outreach.auth.config.AuthConfig;
import com.scopelock.outreach.auth.messaging.SessionGrantPublisher;
import com.scopelock.outreach.auth.telegram.QrLogin;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.api.Secret;
import com.scopelock.outreach.telegram.api.TdlibParameters;
import com.scopelock.outreach.telegram.session.SessionArchive;
import com.scopelock.outreach.telegram.session.SessionSealer;
import com.scopelock.outreach.telegram.session.TelegramSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * QR logins of this replica: starts them (one live TDLib client each, in a private temp directory), mirrors their
 * state into Redis, ends them on expiry / cancel / failure, and on success closes the client, packs and seals the
 * database directory and publishes the grant. One active login per member: a new qr-start cancels the previous
 * one (on whichever replica holds it).
 */
@ApplicationScoped
public class LoginService implements QrLogin.Events {
    private static final Logger LOG = Logger.getLogger(LoginService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter SLUG_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final AuthConfig config;
    private final TelegramSettings telegramSettings;
    private final TelegramClientFactory telegram;
    private final LoginStore store;
    private final QrCodeRenderer qr;
    private final SessionSealer sealer;
    private final SessionGrantPublisher grants;
    private final AuthMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final String replica;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("qr-login-timers").factory());

    /** A login held by this replica. */
    private static final class Live {
        final QrLogin login;
        final Path dir;
        final Instant expiresAt;
        volatile LoginState state;
        volatile ScheduledFuture<?> expiry;

        Live(QrLogin login, Path dir, Instant expiresAt, LoginState state) {
            this.login = login;
            this.dir = dir;
            this.expiresAt = expiresAt;
            this.state = state;
        }
    }

    public record Started(String qrCode, String token, long expiresIn, boolean simulated) {
    }

    /** A limit on new logins refuses this one: everybody's live logins, the member's live logins or starts. */
    public static final class CapacityException extends RuntimeException {
        /** {@code live}, {@code member_live} or {@code member_starts} (see {@link LoginStore#admit}). */
        public final String limit;
        public final long retryAfterSeconds;

        CapacityException(String limit, long retryAfterSeconds) {
            super("too many QR logins (" + limit + ")", null, false, false);
            this.limit = limit;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** Telegram did not produce a QR link in time (or refused). */
    public static final class TelegramUnavailableException extends RuntimeException {
        TelegramUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    public LoginService(AuthConfig config, TelegramSettings telegramSettings, TelegramClientFactory telegram,
                        LoginStore store, QrCodeRenderer qr, SessionSealer sealer,
                        SessionGrantPublisher grants, AuthMetrics metrics) {
        this.config = config;
        this.telegramSettings = telegramSettings;
        this.telegram = telegram;
        this.store = store;
        this.qr = qr;
        this.sealer = sealer;
        this.grants = grants;
        this.metrics = metrics;
        this.replica = replicaName();
        metrics.liveClients(live::size);
    }

    void onStart(@Observes StartupEvent event) {
        long every = config.sweepInterval().toMillis();
        timers.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        timers.shutdownNow();
        live.keySet().forEach(token -> end(token, LoginState.Status.CANCELLED, "the service is shutting down"));
    }

    public boolean simulated() {
        return telegram.simulated();
    }

    public int liveClients() {
        return live.size();
    }

    // ---- qr-start ----

    public Started start(String owner) throws InterruptedException {
        String token = newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.loginTtl());
        LoginStore.Admission admission = store.admit(owner, token, now, expiresAt, config);
        if (!admission.admitted()) {
            throw new CapacityException(admission.refusedBy(), Math.max(1, (admission.retryAfterMillis() + 999) / 1000));
        }
        LoginState initial = LoginState.starting(token, owner, expiresAt, replica, telegram.simulated());
        store.create(initial, config.loginTtl(), config.loginTtl().plus(config.finalStateTtl()));
        store.swapMemberLogin(owner, token, config.loginTtl())
                .filter(previous -> !previous.equals(token))
                .ifPresent(previous -> cancel(owner, previous, "replaced by a newer QR login"));

        Path dir;
        try {
            dir = SessionArchive.newPrivateDirectory(workDir(), "tdlib-login-");
        } catch (IOException e) {
            store.write(initial.ended(LoginState.Status.FAILED, "no room for the Telegram client"), config.finalStateTtl());
            store.release(owner, token);
            throw new TelegramUnavailableException("cannot create the Telegram client directory");
        }
        TdlibParameters parameters = TdlibParameters.of(dir, telegramSettings.apiId(),
                        Secret.of(telegramSettings.apiHash().orElse("")))
                .withTestDc(telegramSettings.useTestDc());
        metrics.started();
        Live holder;
        synchronized (this) {
            QrLogin login;
            try {
                login = QrLogin.start(telegram, token, owner, parameters, config.maxPasswordAttempts(), this);
            } catch (RuntimeException e) {
                store.release(owner, token);
                SessionArchive.wipe(dir);
                throw e;
            }
            holder = new Live(login, dir, expiresAt, initial);
            live.put(token, holder);
        }
        holder.expiry = timers.schedule(() -> expire(token), Duration.between(clock.instant(), expiresAt).toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.infof("%slogin %s started for %s (%d live on replica %s)", holder.login.label(),
                holder.login.shortToken(), owner, live.size(), replica);
        String link;
        try {
            link = holder.login.awaitFirstLink(config.firstLinkTimeout());
        } catch (TimeoutException | IllegalStateException e) {
            String why = e instanceof TimeoutException ? "Telegram did not answer with a QR code in time"
                    : e.getMessage();
            end(token, LoginState.Status.FAILED, why);
            throw new TelegramUnavailableException(why);
        }
        return new Started(qr.dataUrl(link), token, config.loginTtl().toSeconds(), telegram.simulated());
    }

    // ---- qr-check ----

    /** The state for {@code owner}; empty if there is none for this member (unknown, or another member's). */
    public Optional<LoginState> check(String owner, String token) {
        Optional<LoginState> state = store.get(token);
        if (state.isPresent()) {
            LoginState s = state.get();
            if (!s.owner().equals(owner)) {
                return Optional.empty();
            }
            if (!s.status().terminal() && clock.instant().isAfter(s.expiresAt())) {
                return Optional.of(s.ended(LoginState.Status.EXPIRED, "QR code expired. Please try again."));
            }
            return state;
        }
        // the live state is gone (TTL): the owner still learns that it expired
        return store.owner(token).filter(owner::equals).map(o -> new LoginState(token, o,
                LoginState.Status.EXPIRED, null, 0, null, null, null, "QR code expired. Please try again.",
                clock.instant(), replica, telegram.simulated()));
    }

    // ---- qr-password ----

    public sealed interface PasswordOutcome {
        record Authorized(LoginState state) implements PasswordOutcome {
        }

        record Wrong(int attemptsLeft) implements PasswordOutcome {
        }

        record Exhausted() implements PasswordOutcome {
        }

        record NotWaiting(LoginState state) implements PasswordOutcome {
        }

        /** The login lives on another replica (qr-password needs the replica holding the client). */
        record Elsewhere(String replica) implements PasswordOutcome {
        }

        record NotFound() implements PasswordOutcome {
        }
    }

    public PasswordOutcome password(String owner, String token, Secret password)
            throws InterruptedException, TimeoutException {
        Optional<LoginState> state = check(owner, token);
        if (state.isEmpty()) {
            return new PasswordOutcome.NotFound();
        }
        Live holder = live.get(token);
        if (holder == null) {
            return state.get().status().terminal() ? new PasswordOutcome.NotWaiting(state.get())
                    : new PasswordOutcome.Elsewhere(state.get().replica());
        }
        QrLogin.PasswordResult result = holder.login.checkPassword(password, config.passwordTimeout());
        return switch (result) {
            case QrLogin.PasswordResult.Accepted a -> new PasswordOutcome.Authorized(awaitHandOver(token));
            case QrLogin.PasswordResult.Wrong w -> {
                holder.state = holder.state.passwordRequired(holder.login.passwordHint(), w.attemptsLeft(),
                        "wrong password");
                store.write(holder.state, remaining(holder));
                yield new PasswordOutcome.Wrong(w.attemptsLeft());
            }
            case QrLogin.PasswordResult.Exhausted x -> new PasswordOutcome.Exhausted();
            case QrLogin.PasswordResult.NotWaiting n -> new PasswordOutcome.NotWaiting(holder.state);
        };
    }

    private LoginState awaitHandOver(String token) throws InterruptedException {
        Instant deadline = clock.instant().plus(config.handOverTimeout());
        while (clock.instant().isBefore(deadline)) {
            Optional<LoginState> s = store.get(token);
            if (s.isPresent() && s.get().status().terminal()) {
                return s.get();
            }
            Thread.sleep(50);
        }
        return store.get(token).orElseThrow();
    }

    // ---- cancel ----

    /** @return false if {@code owner} has no such login */
    public boolean cancel(String owner, String token, String why) {
        Optional<LoginState> state = store.get(token);
        if (state.isEmpty() || !state.get().owner().equals(owner)) {
            return store.owner(token).filter(owner::equals).isPresent();
        }
        if (live.containsKey(token)) {
            end(token, LoginState.Status.CANCELLED, why);
        } else if (store.write(state.get().ended(LoginState.Status.CANCELLED, why), config.finalStateTtl())) {
            store.release(owner, token); // its slot is free now; the holding replica's sweeper closes its client
            metrics.cancelled();
        }
        return true;
    }

    // ---- events of the live logins (their update threads) ----

    @Override
    public void qrLink(QrLogin login, String link, int version) {
        Live holder = live.get(login.token());
        if (holder == null) {
            // the very first link may arrive before start() registered the login: wait for it briefly
            holder = awaitRegistered(login.token());
            if (holder == null) {
                return;
            }
        }
        holder.state = holder.state.pending(qr.dataUrl(link), version);
        publishState(holder);
    }

    @Override
    public void passwordRequired(QrLogin login, String hint, int attemptsLeft) {
        Live holder = live.get(login.token());
        if (holder != null) {
            holder.state = holder.state.passwordRequired(hint, attemptsLeft, null);
            publishState(holder);
        }
    }

    @Override
    public void failed(QrLogin login, String reason) {
        end(login.token(), LoginState.Status.FAILED, reason);
    }

    @Override
    public void ready(QrLogin login) {
        Thread.ofVirtual().name("hand-over-" + login.shortToken()).start(() -> handOver(login));
    }

    private void handOver(QrLogin login) {
        Live holder = live.get(login.token());
        if (holder == null) {
            login.close();
            return;
        }
        holder.state = holder.state.authorizing();
        if (!store.write(holder.state, remaining(holder).plus(config.handOverTimeout()))) {
            end(login.token(), LoginState.Status.CANCELLED, "cancelled before the hand-over");
            return;
        }
        long started = System.nanoTime();
        String owner = login.owner();
        byte[] packed = null;
        try {
            long userId = login.client().getMe().get(10, TimeUnit.SECONDS).id();
            login.close(); // the client must be closed before its database directory is copied
            String slug = sessionSlug(owner, clock.instant());
            packed = SessionArchive.pack(holder.dir);
            SessionSealer.Sealed sealed = sealer.seal(packed, owner, slug);
            SessionGranted grant = SessionGranted.of(owner, slug, userId, sealed.base64(), sealed.keyId(),
                    login.simulated(), clock.instant());
            grants.publish(slug, JsonCodec.encode(grant)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            forget(holder);
            holder.state = holder.state.authorized(slug);
            store.write(holder.state, config.finalStateTtl());
            metrics.authorized();
            LOG.infof("%slogin %s: session %s sealed with key %s and granted in %d ms", login.label(),
                    login.shortToken(), slug, sealed.keyId(), (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.errorf("%slogin %s: hand-over failed (%s)", login.label(), login.shortToken(),
                    e.getClass().getSimpleName());
            forget(holder);
            holder.state = holder.state.ended(LoginState.Status.FAILED, "the session could not be handed over");
            store.write(holder.state, config.finalStateTtl());
            metrics.failed();
        } finally {
            if (packed != null) {
                Arrays.fill(packed, (byte) 0);
            }
            login.close();
            SessionArchive.wipe(holder.dir);
        }
    }

    // ---- ending ----

    private void expire(String token) {
        end(token, LoginState.Status.EXPIRED, "QR code expired. Please try again.");
    }

    /** Ends a login this replica holds: closes its client, wipes its directory, records the final state. */
    void end(String token, LoginState.Status status, String message) {
        Live holder = live.get(token);
        if (holder == null || holder.login.phase() == QrLogin.Phase.AUTHORIZING) {
            return; // unknown here, or the hand-over owns it now
        }
        if (!live.remove(token, holder)) {
            return;
        }
        cancelExpiry(holder);
        store.release(holder.login.owner(), token);
        holder.login.close();
        SessionArchive.wipe(holder.dir);
        holder.state = holder.state.ended(status, message);
        store.write(holder.state, config.finalStateTtl());
        switch (status) {
            case EXPIRED -> metrics.expired();
            case CANCELLED -> metrics.cancelled();
            default -> metrics.failed();
        }
        LOG.infof("%slogin %s %s: %s", holder.login.label(), holder.login.shortToken(),
                status.name().toLowerCase(Locale.ROOT), message);
    }

    /** Closes logins another replica cancelled (their Redis state turned final). */
    private void sweep() {
        for (Live holder : live.values()) {
            try {
                Optional<LoginState> s = store.get(holder.login.token());
                if (s.isPresent() && s.get().status().terminal() && holder.login.phase() != QrLogin.Phase.AUTHORIZING
                        && live.remove(holder.login.token(), holder)) {
                    cancelExpiry(holder);
                    store.release(holder.login.owner(), holder.login.token());
                    holder.login.close();
                    SessionArchive.wipe(holder.dir);
                    LOG.infof("%slogin %s closed here: %s elsewhere", holder.login.label(),
                            holder.login.shortToken(), s.get().status().name().toLowerCase(Locale.ROOT));
                }
            } catch (RuntimeException e) {
                LOG.debugf("sweep: %s", e.getClass().getSimpleName());
            }
        }
    }

    /** No longer held here: off the live map, its expiry timer stopped, its slot freed. */
    private void forget(Live holder) {
        live.remove(holder.login.token(), holder);
        cancelExpiry(holder);
        store.release(holder.login.owner(), holder.login.token());
    }

    private void publishState(Live holder) {
        if (!store.write(holder.state, remaining(holder))) {
            // cancelled meanwhile (e.g. by a newer qr-start on another replica)
            timers.execute(() -> end(holder.login.token(), LoginState.Status.CANCELLED, "cancelled"));
        }
    }

    private Live awaitRegistered(String token) {
        for (int i = 0; i < 100; i++) {
            synchronized (this) {
                Live holder = live.get(token);
                if (holder != null) {
                    return holder;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private Duration remaining(Live holder) {
        Duration d = Duration.between(clock.instant(), holder.expiresAt);
        return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }

    private static void cancelExpiry(Live holder) {
        ScheduledFuture<?> f = holder.expiry;
        if (f != null) {
            f.cancel(false);
        }
    }

    private Path workDir() {
        return config.workDir().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "telegram-auth"));
    }

    /** 24 random bytes, URL-safe base64 (32 chars): our own id, unrelated to Telegram's login token. */
    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code telegram-session-<member>-<yyyyMMddHHmmss>} (UTC); the member part keeps [a-z0-9_-] only. */
    public static String sessionSlug(String owner, Instant at) {
        String member = owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return "telegram-session-" + member + "-" + SLUG_TIME.format(at);
    }

    private static String replicaName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "replica";
            }
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
