package com.scopelock.outreach.telegram.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.telegram.api.Json;

/** TDLib JSON objects built from the simulated world — the same shapes TDLib sends. */
final class SimJson {
    private SimJson() {
    }

    static ObjectNode ok() {
        return Json.object("ok");
    }

    static ObjectNode error(int code, String message) {
        return Json.object("error").put("code", code).put("message", message);
    }

    static ObjectNode authorizationState(String type) {
        return Json.object(type);
    }

    static ObjectNode updateAuthorizationState(ObjectNode state) {
        ObjectNode update = Json.object("updateAuthorizationState");
        update.set("authorization_state", state);
        return update;
    }

    static ObjectNode user(SimWorld.User user) {
        ObjectNode json = Json.object("user").put("id", user.id).put("first_name", user.firstName)
                .put("last_name", user.lastName).put("phone_number", user.phone == null ? "" : user.phone);
        ObjectNode usernames = Json.object("usernames").put("editable_username", user.username);
        if (user.username != null && !user.username.isEmpty()) {
            usernames.putArray("active_usernames").add(user.username);
        } else {
            usernames.putArray("active_usernames");
        }
        usernames.putArray("disabled_usernames");
        json.set("usernames", usernames);
        json.set("type", Json.object("userTypeRegular"));
        return json;
    }

    static ObjectNode chat(SimWorld.Chat chat, SimWorld.Message last) {
        ObjectNode json = Json.object("chat").put("id", chat.chatId).put("title", chat.title);
        json.set("type", Json.object("chatTypePrivate").put("user_id", chat.peerUserId));
        if (last != null) {
            json.set("last_message", message(last));
        }
        return json;
    }

    static ObjectNode message(SimWorld.Message message) {
        ObjectNode json = Json.object("message").put("id", message.id).put("chat_id", message.chatId)
                .put("is_outgoing", message.outgoing).put("date", message.date);
        json.set("sender_id", Json.object("messageSenderUser").put("user_id", message.senderUserId));
        ObjectNode text = Json.object("formattedText").put("text", message.text);
        text.putArray("entities");
        ObjectNode content = Json.object("messageText");
        content.set("text", text);
        json.set("content", content);
        return json;
    }

    static ObjectNode updateNewMessage(SimWorld.Message message) {
        ObjectNode update = Json.object("updateNewMessage");
        update.set("message", message(message));
        return update;
    }

    static ObjectNode updateNewChat(SimWorld.Chat chat, SimWorld.Message last) {
        ObjectNode update = Json.object("updateNewChat");
        update.set("chat", chat(chat, last));
        return update;
    }

    static ObjectNode updateConnectionState(boolean networkDown) {
        ObjectNode update = Json.object("updateConnectionState");
        update.set("state", Json.object(networkDown ? "connectionStateWaitingForNetwork" : "connectionStateReady"));
        return update;
    }
}
