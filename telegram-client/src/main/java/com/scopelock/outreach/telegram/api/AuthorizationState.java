package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The TDLib authorization states this suite uses; anything else is {@link Other}. */
public sealed interface AuthorizationState {

    record WaitTdlibParameters() implements AuthorizationState {
    }

    record WaitPhoneNumber() implements AuthorizationState {
    }

    /** QR login: {@code link} is the {@code tg://login?token=…} link to show as a QR code; it changes over time. */
    record WaitOtherDeviceConfirmation(String link) implements AuthorizationState {
    }

    record WaitPassword(String passwordHint) implements AuthorizationState {
    }

    record Ready() implements AuthorizationState {
    }

    record LoggingOut() implements AuthorizationState {
    }

    record Closing() implements AuthorizationState {
    }

    record Closed() implements AuthorizationState {
    }

    record Other(String type) implements AuthorizationState {
    }

    static AuthorizationState from(JsonNode node) {
        return switch (Json.type(node)) {
            case "authorizationStateWaitTdlibParameters" -> new WaitTdlibParameters();
            case "authorizationStateWaitPhoneNumber" -> new WaitPhoneNumber();
            case "authorizationStateWaitOtherDeviceConfirmation" ->
                    new WaitOtherDeviceConfirmation(node.path("link").asText(""));
            case "authorizationStateWaitPassword" -> new WaitPassword(node.path("password_hint").asText(""));
            case "authorizationStateReady" -> new Ready();
            case "authorizationStateLoggingOut" -> new LoggingOut();
            case "authorizationStateClosing" -> new Closing();
            case "authorizationStateClosed" -> new Closed();
            default -> new Other(Json.type(node));
        };
    }

    /** True once the client can no longer be used (logged out, closing or closed). */
    default boolean isTerminal() {
        return this instanceof LoggingOut || this instanceof Closing || this instanceof Closed;
    }
}
