package com.scopelock.outreach.auth.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.scopelock.outreach.auth.service.LoginService;
import com.scopelock.outreach.auth.service.LoginState;
import com.scopelock.outreach.model.ApiError;
import com.scopelock.outreach.telegram.api.Secret;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** QR login of a team member (JWT {@code sub}) to Telegram. */
@Path("/api/outreach/telegram")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QrLoginResource {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final int MAX_PASSWORD_LENGTH = 256;

    private final LoginService logins;
    private final JsonWebToken jwt;

    public QrLoginResource(LoginService logins, JsonWebToken jwt) {
        this.logins = logins;
        this.jwt = jwt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StartAnswer(String qrCode, String token, long expiresIn, Boolean simulated) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckAnswer(String status, String message, String qrCode, Integer qrVersion, String passwordHint,
                              Integer attemptsLeft, String sessionId, Boolean simulated) {
    }

    /** The password of qr-password; {@code toString} never shows it. */
    public static final class PasswordBody {
        public String password;

        @Override
        public String toString() {
            return "PasswordBody[***]";
        }
    }

    @POST
    @Path("/qr-start")
    public Response start() throws InterruptedException {
        try {
            LoginService.Started s = logins.start(member());
            return Response.ok(new StartAnswer(s.qrCode(), s.token(), s.expiresIn(), s.simulated() ? true : null))
                    .build();
        } catch (LoginService.CapacityException e) {
            return Response.status(429).header("Retry-After", e.retryAfterSeconds)
                    .entity(ApiError.of("too_many_logins", "Too many QR logins in progress; retry in "
                            + e.retryAfterSeconds + " s")).build();
        } catch (LoginService.TelegramUnavailableException e) {
            return Response.status(503).header("Retry-After", 5)
                    .entity(ApiError.of("telegram_unavailable", e.getMessage())).build();
        }
    }

    /**
     * {@code known_qr_version}: the version the UI shows; {@code qr_code} is then only sent when Telegram rotated the
     * link since. Without it every pending answer carries the current {@code qr_code}.
     */
    @GET
    @Path("/qr-check/{token}")
    public Response check(@PathParam("token") String token, @QueryParam("known_qr_version") Integer knownVersion) {
        Optional<LoginState> state = valid(token) ? logins.check(member(), token) : Optional.empty();
        if (state.isEmpty()) {
            return notFound();
        }
        return answer(state.get(), knownVersion);
    }

    @POST
    @Path("/qr-password/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response password(@PathParam("token") String token, PasswordBody body)
            throws InterruptedException {
        if (!valid(token)) {
            return notFound();
        }
        if (body == null || body.password == null || body.password.isEmpty()) {
            return Response.status(400).entity(ApiError.of("password_missing",
                    "Send {\"password\": \"…\"} with your Telegram two-step verification password")).build();
        }
        if (body.password.length() > MAX_PASSWORD_LENGTH) {
            return Response.status(400).entity(ApiError.of("password_too_long",
                    "The password is longer than " + MAX_PASSWORD_LENGTH + " characters")).build();
        }
        LoginService.PasswordOutcome outcome;
        try {
            outcome = logins.password(member(), token, Secret.of(body.password));
        } catch (TimeoutException e) {
            return Response.status(504).entity(ApiError.of("telegram_timeout",
                    "Telegram did not answer the password check in time; try again")).build();
        } catch (IllegalStateException e) {
            return Response.status(502).entity(ApiError.of("telegram_error", e.getMessage())).build();
        } finally {
            body.password = null;
        }
        return switch (outcome) {
            case LoginService.PasswordOutcome.Authorized a -> answer(a.state(), null);
            case LoginService.PasswordOutcome.Wrong w -> Response.status(422).entity(ApiError.of("wrong_password",
                    "The password is wrong; " + w.attemptsLeft() + " attempt(s) left")).build();
            case LoginService.PasswordOutcome.Exhausted x -> Response.status(410).entity(new CheckAnswer("failed",
                    "Too many wrong passwords: this QR login has ended. Start a new one.", null, null, null, 0,
                    null, null)).build();
            case LoginService.PasswordOutcome.NotWaiting n -> n.state().status().terminal() ? answer(n.state(), null)
                    : Response.status(409).entity(ApiError.of("not_waiting_for_password",
                    "This login does not wait for a password (status " + statusName(n.state()) + ")")).build();
            case LoginService.PasswordOutcome.Elsewhere e -> Response.status(409).entity(ApiError.of(
                    "login_on_other_replica", "This login is held by another replica; route qr-password "
                            + "for this token to it (session affinity on the token)")).build();
            case LoginService.PasswordOutcome.NotFound nf -> notFound();
        };
    }

    @DELETE
    @Path("/qr/{token}")
    public Response cancel(@PathParam("token") String token) {
        if (!valid(token) || !logins.cancel(member(), token, "cancelled by the member")) {
            return notFound();
        }
        return Response.noContent().build();
    }

    private Response answer(LoginState s, Integer knownVersion) {
        Boolean sim = s.simulated() ? true : null;
        return switch (s.status()) {
            case STARTING, AUTHORIZING -> Response.ok(new CheckAnswer("pending",
                    s.status() == LoginState.Status.STARTING ? "Preparing the QR code..." : "Connecting...",
                    null, s.qrVersion(), null, null, null, sim)).build();
            case PENDING -> Response.ok(new CheckAnswer("pending", "Waiting for QR scan...",
                    knownVersion != null && knownVersion >= s.qrVersion() ? null : s.qrCode(), s.qrVersion(),
                    null, null, null, sim)).build();
            case PASSWORD_REQUIRED -> Response.ok(new CheckAnswer("password_required",
                    "wrong password".equals(s.message()) ? "Wrong password, try again."
                            : "Enter your Telegram two-step verification password.",
                    null, null, s.passwordHint(), s.attemptsLeft(), null, sim)).build();
            case AUTHORIZED -> Response.ok(new CheckAnswer("authorized", "Telegram connected! Monitoring started.",
                    null, null, null, null, s.sessionId(), sim)).build();
            case EXPIRED, CANCELLED -> Response.status(410).entity(new CheckAnswer("expired",
                    s.message() == null ? "QR code expired. Please try again." : s.message(), null, null, null, null,
                    null, sim)).build();
            case FAILED -> Response.status(410).entity(new CheckAnswer("failed",
                    s.message() == null ? "The login failed. Please try again." : s.message(), null, null, null, null,
                    null, sim)).build();
        };
    }

    private static String statusName(LoginState s) {
        return s.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Response notFound() {
        return Response.status(404).entity(ApiError.of("login_not_found", "No QR login with this token for you"))
                .build();
    }

    private static boolean valid(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    private String member() {
        return jwt.getSubject();
    }
}
