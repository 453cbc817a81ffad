package com.scopelock.outreach.auth.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.scopelock.outreach.auth.service.LoginService;
import com.scopelock.outreach.auth.service.LoginState;
import com.scopelock.outreach.problems.ProblemException;
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
    @APIResponse(responseCode = "200", description = "A new QR login: qr_code (PNG data URL), token, expires_in")
    @APIResponse(responseCode = "429", description = "Too many QR logins in progress (Retry-After)")
    @APIResponse(responseCode = "503", description = "Telegram is unavailable (Retry-After)")
    public Response start() throws InterruptedException {
        try {
            LoginService.Started s = logins.start(member());
            return Response.ok(new StartAnswer(s.qrCode(), s.token(), s.expiresIn(), s.simulated() ? true : null))
                    .build();
        } catch (LoginService.CapacityException e) {
            String retry = " s";
            ProblemException refusal = switch (e.limit) {
                case "member_starts" -> ProblemException.of(429, "too_many_starts", "You started too many QR logins "
                        + "in the last minute; retry in " + e.retryAfterSeconds + retry);
                case "member_live" -> ProblemException.of(429, "too_many_member_logins", "You have too many QR "
                        + "logins in progress; finish or cancel one, or retry in " + e.retryAfterSeconds + retry);
                default -> ProblemException.of(429, "too_many_logins", "Too many QR logins in progress; retry in "
                        + e.retryAfterSeconds + retry);
            };
            throw refusal.header("Retry-After", String.valueOf(e.retryAfterSeconds));
        } catch (LoginService.TelegramUnavailableException e) {
            throw ProblemException.of(503, "telegram_unavailable", e.getMessage()).header("Retry-After", "5");
        }
    }

    /**
     * {@code known_qr_version}: the version the UI shows; {@code qr_code} is then only sent when Telegram rotated the
     * link since. Without it every pending answer carries the current {@code qr_code}.
     */
    @GET
    @Path("/qr-check/{token}")
    @APIResponse(responseCode = "200", description = "pending / password_required / authorized")
    @APIResponse(responseCode = "410", description = "The login is over: login_status expired or failed")
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
    @APIResponse(responseCode = "200", description = "authorized, or the state of a login that ended meanwhile")
    @APIResponse(responseCode = "409", description = "The login does not wait for a password, or is held by another replica")
    @APIResponse(responseCode = "410", description = "The login is over")
    @APIResponse(responseCode = "422", description = "Wrong password (attempts_left)")
    @APIResponse(responseCode = "502", description = "Telegram answered with an error")
    @APIResponse(responseCode = "504", description = "Telegram did not answer in time")
    public Response password(@PathParam("token") String token, PasswordBody body)
            throws InterruptedException {
        if (!valid(token)) {
            return notFound();
        }
        if (body == null || body.password == null || body.password.isEmpty()) {
            throw ProblemException.invalid("password_missing", "password",
                    "is required: send {\"password\": \"…\"} with your Telegram two-step verification password");
        }
        if (body.password.length() > MAX_PASSWORD_LENGTH) {
            throw ProblemException.invalid("password_too_long", "password",
                    "is longer than " + MAX_PASSWORD_LENGTH + " characters");
        }
        LoginService.PasswordOutcome outcome;
        try {
            outcome = logins.password(member(), token, Secret.of(body.password));
        } catch (TimeoutException e) {
            throw ProblemException.of(504, "telegram_timeout",
                    "Telegram did not answer the password check in time; try again");
        } catch (IllegalStateException e) {
            throw ProblemException.of(502, "telegram_error", e.getMessage());
        } finally {
            body.password = null;
        }
        return switch (outcome) {
            case LoginService.PasswordOutcome.Authorized a -> answer(a.state(), null);
            case LoginService.PasswordOutcome.Wrong w -> throw ProblemException.of(422, "wrong_password",
                    "The password is wrong; " + w.attemptsLeft() + " attempt(s) left")
                    .with("attempts_left", w.attemptsLeft());
            case LoginService.PasswordOutcome.Exhausted x -> throw ended("failed",
                    "Too many wrong passwords: this QR login has ended. Start a new one.", false).with("attempts_left", 0);
            case LoginService.PasswordOutcome.NotWaiting n -> n.state().status().terminal() ? answer(n.state(), null)
                    : throwing(ProblemException.of(409, "not_waiting_for_password",
                    "This login does not wait for a password (status " + statusName(n.state()) + ")"));
            case LoginService.PasswordOutcome.Elsewhere e -> throw ProblemException.of(409,
                    "login_on_other_replica", "This login is held by another replica; route qr-password "
                            + "for this token to it (session affinity on the token)");
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
            case EXPIRED, CANCELLED -> throw ended("expired",
                    s.message() == null ? "QR code expired. Please try again." : s.message(), s.simulated());
            case FAILED -> throw ended("failed",
                    s.message() == null ? "The login failed. Please try again." : s.message(), s.simulated());
        };
    }

    private static String statusName(LoginState s) {
        return s.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Response notFound() {
        throw ProblemException.of(404, "login_not_found", "No QR login with this token for you");
    }

    /** 410: the login is over; {@code login_status} (expired / failed) is what the UI shows. */
    private static ProblemException ended(String loginStatus, String message, boolean simulated) {
        return ProblemException.of(410, "login_" + loginStatus, message).with("login_status", loginStatus)
                .with("simulated", simulated ? Boolean.TRUE : null);
    }

    private static Response throwing(ProblemException e) {
        throw e;
    }

    private static boolean valid(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    private String member() {
        return jwt.getSubject();
    }
}
