package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An update pushed by TDLib (or the simulator) for one client. Typed for the few we use, raw for the rest. */
public sealed interface TdUpdate {

    record AuthorizationStateChanged(AuthorizationState state) implements TdUpdate {
    }

    record NewMessage(TdMessage message) implements TdUpdate {
    }

    /**
     * {@code updateNewChat}: TDLib has loaded or created a chat; it always comes before any other update or answer
     * naming that chat id. For a private chat the chat id is the other user's id.
     */
    record NewChat(TdChat chat) implements TdUpdate {
    }

    /** {@code updateConnectionState}: state is e.g. {@code connectionStateReady}, {@code connectionStateWaitingForNetwork}. */
    record ConnectionStateChanged(String state) implements TdUpdate {
    }

    /** Any other update, as TDLib sent it. */
    record Other(String type, ObjectNode raw) implements TdUpdate {
        @Override
        public String toString() {
            return "Other[" + type + "]";
        }
    }

    static TdUpdate from(ObjectNode node) {
        return switch (Json.type(node)) {
            case "updateAuthorizationState" ->
                    new AuthorizationStateChanged(AuthorizationState.from(node.path("authorization_state")));
            case "updateNewMessage" -> new NewMessage(TdMessage.from(node.path("message")));
            case "updateNewChat" -> new NewChat(TdChat.from(node.path("chat")));
            case "updateConnectionState" -> new ConnectionStateChanged(Json.type(node.path("state")));
            default -> new Other(Json.type(node), node);
        };
    }
}
