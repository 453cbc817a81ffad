package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A TDLib function to send. The records below are the functions this suite uses; {@link Raw} carries any other
 * JSON (the read-only guard still decides whether it may be sent). {@code toString()} never shows secrets.
 */
public interface TdFunction {

    /** TDLib's {@code @type}. */
    String type();

    /** A fresh JSON object for the wire, without {@code @extra}. */
    ObjectNode toJson();

    record SetTdlibParameters(TdlibParameters parameters) implements TdFunction {
        public String type() {
            return "setTdlibParameters";
        }

        public ObjectNode toJson() {
            TdlibParameters p = parameters;
            return Json.object(type())
                    .put("use_test_dc", p.useTestDc())
                    .put("database_directory", p.databaseDirectory().toString())
                    .put("files_directory", p.filesDirectory().toString())
                    .put("database_encryption_key", p.databaseEncryptionKey().reveal())
                    .put("use_file_database", p.useFileDatabase())
                    .put("use_chat_info_database", p.useChatInfoDatabase())
                    .put("use_message_database", p.useMessageDatabase())
                    .put("use_secret_chats", false)
                    .put("api_id", p.apiId())
                    .put("api_hash", p.apiHash().reveal())
                    .put("system_language_code", p.systemLanguageCode())
                    .put("device_model", p.deviceModel())
                    .put("system_version", p.systemVersion())
                    .put("application_version", p.applicationVersion());
        }
    }

    record GetAuthorizationState() implements TdFunction {
        public String type() {
            return "getAuthorizationState";
        }

        public ObjectNode toJson() {
            return Json.object(type());
        }
    }

    record RequestQrCodeAuthentication() implements TdFunction {
        public String type() {
            return "requestQrCodeAuthentication";
        }

        public ObjectNode toJson() {
            ObjectNode json = Json.object(type());
            json.putArray("other_user_ids");
            return json;
        }
    }

    record CheckAuthenticationPassword(Secret password) implements TdFunction {
        public CheckAuthenticationPassword {
            Objects.requireNonNull(password, "password");
        }

        public String type() {
            return "checkAuthenticationPassword";
        }

        public ObjectNode toJson() {
            return Json.object(type()).put("password", password.reveal());
        }
    }

    record GetMe() implements TdFunction {
        public String type() {
            return "getMe";
        }

        public ObjectNode toJson() {
            return Json.object(type());
        }
    }

    record GetUser(long userId) implements TdFunction {
        public String type() {
            return "getUser";
        }

        public ObjectNode toJson() {
            return Json.object(type()).put("user_id", userId);
        }
    }

    record GetChat(long chatId) implements TdFunction {
        public String type() {
            return "getChat";
        }

        public ObjectNode toJson() {
            return Json.object(type()).put("chat_id", chatId);
        }
    }

    /** Main chat list. Answers error 404 once all chats are loaded. */
    record LoadChats(int limit) implements TdFunction {
        public String type() {
            return "loadChats";
        }

        public ObjectNode toJson() {
            ObjectNode json = Json.object(type()).put("limit", limit);
            json.set("chat_list", Json.object("chatListMain"));
            return json;
        }
    }

    record GetChats(int limit) implements TdFunction {
        public String type() {
            return "getChats";
        }

        public ObjectNode toJson() {
            ObjectNode json = Json.object(type()).put("limit", limit);
            json.set("chat_list", Json.object("chatListMain"));
            return json;
        }
    }

    /** Newest first; {@code fromMessageId} 0 = from the last message. Does not mark anything as read. */
    record GetChatHistory(long chatId, long fromMessageId, int offset, int limit, boolean onlyLocal)
            implements TdFunction {
        public String type() {
            return "getChatHistory";
        }

        public ObjectNode toJson() {
            return Json.object(type()).put("chat_id", chatId).put("from_message_id", fromMessageId)
                    .put("offset", offset).put("limit", limit).put("only_local", onlyLocal);
        }
    }

    record GetMessage(long chatId, long messageId) implements TdFunction {
        public String type() {
            return "getMessage";
        }

        public ObjectNode toJson() {
            return Json.object(type()).put("chat_id", chatId).put("message_id", messageId);
        }
    }

    record GetOption(String name) implements TdFunction {
        public String type() {
            return "getOption";
        }

        public ObjectNode toJson() {
            return Json.object(type()).put("name", name);
        }
    }

    record LogOut() implements TdFunction {
        public String type() {
            return "logOut";
        }

        public ObjectNode toJson() {
            return Json.object(type());
        }
    }

    record Close() implements TdFunction {
        public String type() {
            return "close";
        }

        public ObjectNode toJson() {
            return Json.object(type());
        }
    }

    /** Any other function as raw JSON. Subject to the read-only guard like everything else. */
    record Raw(ObjectNode json) implements TdFunction {
        public Raw {
            json = json.deepCopy();
        }

        public String type() {
            return Json.type(json);
        }

        public ObjectNode toJson() {
            return json.deepCopy();
        }

        @Override
        public String toString() {
            return "Raw[" + type() + "]"; // the arguments may hold secrets
        }
    }
}
