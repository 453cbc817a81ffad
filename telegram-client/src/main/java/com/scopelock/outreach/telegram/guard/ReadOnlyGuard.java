package com.scopelock.outreach.telegram.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.telegram.api.Json;
import java.util.Set;

/**
 * The read-only guard: the only TDLib functions this suite may send. Everything else — sendMessage,
 * viewMessages, openChat, forwardMessages, deleteMessages, editMessageText, joinChat, addChatMember,
 * searchPublicChat, … — is refused before it reaches TDLib (real or simulated). Both transports call
 * {@link #check(JsonNode)} from their final send path, so no client can go around it.
 */
public final class ReadOnlyGuard {

    /** Functions that may be sent to a client (td_send). */
    public static final Set<String> ALLOWED_FUNCTIONS = Set.of(
            // authorization (QR login only) and lifecycle
            "setTdlibParameters", "getAuthorizationState", "requestQrCodeAuthentication",
            "checkAuthenticationPassword", "logOut", "close",
            // reading
            "getMe", "getUser", "loadChats", "getChats", "getChat", "getChatHistory", "getMessage",
            // local configuration
            "getOption", "setOption", "setLogVerbosityLevel", "getLogVerbosityLevel");

    /** Functions that may be run synchronously (td_execute); all are local and side-effect free. */
    public static final Set<String> ALLOWED_EXECUTE = Set.of(
            "setLogVerbosityLevel", "getLogVerbosityLevel", "getTextEntities", "getOption");

    /**
     * The only options {@code setOption} may change: local client behaviour, nothing sent to Telegram.
     * In particular {@code online} (marks the account online — presence) and {@code is_location_visible} are not
     * here.
     */
    public static final Set<String> SETTABLE_OPTIONS = Set.of(
            "ignore_background_updates", "use_storage_optimizer", "ignore_file_names", "ignore_inline_thumbnails",
            "disable_network_statistics", "disable_persistent_network_statistics",
            "disable_time_adjustment_protection", "notification_group_count_max", "notification_group_size_max",
            "storage_max_files_size", "storage_max_time_from_last_access", "use_quick_ack", "use_pfs",
            "localization_target", "language_pack_id");

    private ReadOnlyGuard() {
    }

    /** Throws unless {@code request} may be sent to a client. */
    public static void check(JsonNode request) {
        String type = Json.type(request);
        if (type.isEmpty()) {
            throw new ForbiddenTdFunctionException("<no @type>", "a request needs a TDLib function name in @type");
        }
        if (!ALLOWED_FUNCTIONS.contains(type)) {
            throw new ForbiddenTdFunctionException(type, "not on the read-only allowlist");
        }
        if (type.equals("setOption")) {
            checkOption(request);
        }
    }

    /** Throws unless {@code request} may be run with td_execute. */
    public static void checkExecute(JsonNode request) {
        String type = Json.type(request);
        if (!ALLOWED_EXECUTE.contains(type)) {
            throw new ForbiddenTdFunctionException(type.isEmpty() ? "<no @type>" : type,
                    "not on the read-only allowlist for td_execute");
        }
    }

    public static boolean isAllowed(JsonNode request) {
        try {
            check(request);
            return true;
        } catch (ForbiddenTdFunctionException e) {
            return false;
        }
    }

    private static void checkOption(JsonNode request) {
        String name = request.path("name").asText("");
        if (!SETTABLE_OPTIONS.contains(name)) {
            throw new ForbiddenTdFunctionException("setOption",
                    "option '" + name + "' may not be set (only local options; never 'online' or presence)");
        }
    }
}
