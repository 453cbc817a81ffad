package com.scopelock.outreach.auth.telegram;

import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.TelegramClient;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * One handler per TDLib authorization state (the tdlight-java way: {@code addUpdateHandler(State.class, …)}).
 * Each handler does the one step its state asks for and reports to the {@link QrLogin}.
 */
final class AuthStateHandlers {
    private static final Logger LOG = Logger.getLogger(AuthStateHandlers.class);

    /** Handles one authorization state of one login. */
    interface Handler<S extends AuthorizationState> {
        void handle(QrLogin login, TelegramClient client, S state);
    }

    /** waitTdlibParameters → setTdlibParameters (database directory of this login only). */
    static final class WaitTdlibParametersHandler implements Handler<AuthorizationState.WaitTdlibParameters> {
        @Override
        public void handle(QrLogin login, TelegramClient client, AuthorizationState.WaitTdlibParameters state) {
            client.setTdlibParameters(login.parameters()).exceptionally(e -> {
                login.fail("Telegram refused the client parameters: " + rootMessage(e));
                return null;
            });
        }
    }

    /** waitPhoneNumber → requestQrCodeAuthentication (we never ask for a phone number). */
    static final class WaitPhoneNumberHandler implements Handler<AuthorizationState.WaitPhoneNumber> {
        @Override
        public void handle(QrLogin login, TelegramClient client, AuthorizationState.WaitPhoneNumber state) {
            client.requestQrCodeAuthentication().exceptionally(e -> {
                login.fail("Telegram refused QR login: " + rootMessage(e));
                return null;
            });
        }
    }

    /** waitOtherDeviceConfirmation{link} → show the link as a QR code (again whenever it changes). */
    static final class WaitOtherDeviceConfirmationHandler
            implements Handler<AuthorizationState.WaitOtherDeviceConfirmation> {
        @Override
        public void handle(QrLogin login, TelegramClient client,
                           AuthorizationState.WaitOtherDeviceConfirmation state) {
            login.onLink(state.link());
        }
    }

    /** waitPassword{hint} → ask the member for the 2FA password. */
    static final class WaitPasswordHandler implements Handler<AuthorizationState.WaitPassword> {
        @Override
        public void handle(QrLogin login, TelegramClient client, AuthorizationState.WaitPassword state) {
            login.onPasswordRequired(state.passwordHint());
        }
    }

    /** ready → hand the session over. */
    static final class ReadyHandler implements Handler<AuthorizationState.Ready> {
        @Override
        public void handle(QrLogin login, TelegramClient client, AuthorizationState.Ready state) {
            login.onReady();
        }
    }

    /** loggingOut / closing / closed before ready: the login is over (ignored once we close it ourselves). */
    static final class TerminalHandler implements Handler<AuthorizationState> {
        @Override
        public void handle(QrLogin login, TelegramClient client, AuthorizationState state) {
            login.fail("Telegram ended the login (" + state.getClass().getSimpleName() + ")");
        }
    }

    private static final Map<Class<? extends AuthorizationState>, Handler<?>> HANDLERS = Map.of(
            AuthorizationState.WaitTdlibParameters.class, new WaitTdlibParametersHandler(),
            AuthorizationState.WaitPhoneNumber.class, new WaitPhoneNumberHandler(),
            AuthorizationState.WaitOtherDeviceConfirmation.class, new WaitOtherDeviceConfirmationHandler(),
            AuthorizationState.WaitPassword.class, new WaitPasswordHandler(),
            AuthorizationState.Ready.class, new ReadyHandler(),
            AuthorizationState.LoggingOut.class, new TerminalHandler(),
            AuthorizationState.Closing.class, new TerminalHandler(),
            AuthorizationState.Closed.class, new TerminalHandler());

    private AuthStateHandlers() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void dispatch(QrLogin login, TelegramClient client, AuthorizationState state) {
        Handler handler = HANDLERS.get(state.getClass());
        if (handler == null) {
            LOG.debugf("%slogin %s: ignoring authorization state %s", login.label(), login.shortToken(), state);
            return;
        }
        try {
            handler.handle(login, client, state);
        } catch (RuntimeException e) {
            LOG.warnf("%slogin %s: handler for %s failed: %s", login.label(), login.shortToken(),
                    state.getClass().getSimpleName(), e.getClass().getSimpleName());
            login.fail("internal error while handling " + state.getClass().getSimpleName());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
