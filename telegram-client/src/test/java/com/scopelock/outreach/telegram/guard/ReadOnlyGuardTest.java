package com.scopelock.outreach.telegram.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.telegram.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Proves the guard against every function of TDLib's schema (names in td_api_functions.txt). */
class ReadOnlyGuardTest {
    private static final List<String> WRITE_PREFIXES = List.of("send", "view", "open", "forward", "delete", "edit",
            "join", "add", "set", "toggle", "create", "ban", "leave", "read", "report", "block", "transfer", "upgrade",
            "buy", "sell", "pin", "unpin", "import", "share", "search", "click", "accept", "decline", "discard",
            "invite", "post", "resend", "translate", "vote", "remove", "clear", "change", "register", "terminate",
            "confirm", "approve", "process", "stop", "start", "end", "save", "upload", "reorder", "archive", "close",
            "log", "request", "check", "resend", "recognize", "rate", "report");

    static List<String> schemaFunctions() throws IOException {
        try (InputStream in = ReadOnlyGuardTest.class.getResourceAsStream("/td_api_functions.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    @Test
    void schemaListIsTheRealOne() throws IOException {
        List<String> names = schemaFunctions();
        assertTrue(names.size() > 900, "expected TDLib's ~1000 functions, got " + names.size());
        assertTrue(names.containsAll(List.of("sendMessage", "viewMessages", "openChat", "forwardMessages",
                "deleteMessages", "editMessageText", "joinChat", "joinChatByInviteLink", "addChatMember",
                "searchPublicChat")));
    }

    @Test
    void everyAllowedFunctionExistsInTheSchema() throws IOException {
        Set<String> schema = Set.copyOf(schemaFunctions());
        for (String allowed : ReadOnlyGuard.ALLOWED_FUNCTIONS) {
            assertTrue(schema.contains(allowed), allowed + " is not a TDLib function");
        }
        for (String allowed : ReadOnlyGuard.ALLOWED_EXECUTE) {
            assertTrue(schema.contains(allowed), allowed + " is not a TDLib function");
        }
    }

    @Test
    void everyFunctionNotOnTheAllowlistIsRefused() throws IOException {
        List<String> refused = schemaFunctions().stream()
                .filter(name -> !ReadOnlyGuard.ALLOWED_FUNCTIONS.contains(name)).toList();
        assertTrue(refused.size() > 950, "almost all of TDLib must be refused, was " + refused.size());
        for (String name : refused) {
            ForbiddenTdFunctionException e = assertThrows(ForbiddenTdFunctionException.class,
                    () -> ReadOnlyGuard.check(Json.object(name)), name);
            assertEquals(name, e.function());
            assertTrue(e.getMessage().contains(name));
        }
    }

    @Test
    void writeFunctionsByPrefixAreAllRefused() throws IOException {
        Set<String> allowed = Set.of("setTdlibParameters", "setOption", "setLogVerbosityLevel", "logOut", "close",
                "requestQrCodeAuthentication", "checkAuthenticationPassword");
        List<String> writes = schemaFunctions().stream()
                .filter(name -> WRITE_PREFIXES.stream().anyMatch(name::startsWith)).toList();
        assertTrue(writes.size() > 550, "write-like functions found: " + writes.size());
        Set<String> passing = writes.stream().filter(name -> ReadOnlyGuard.isAllowed(Json.object(name)))
                .collect(Collectors.toSet());
        // only the lifecycle/auth steps pass (setOption only for local options, see below)
        assertEquals(Set.of("setTdlibParameters", "setLogVerbosityLevel", "logOut", "close",
                "requestQrCodeAuthentication", "checkAuthenticationPassword"), passing);
        assertTrue(allowed.containsAll(passing));
    }

    @Test
    void namedWritesAreRefused() {
        for (String name : List.of("sendMessage", "sendMessageAlbum", "viewMessages", "openChat", "forwardMessages",
                "deleteMessages", "deleteChatHistory", "editMessageText", "joinChat", "joinChatByInviteLink",
                "addChatMember", "searchPublicChat", "searchPublicChats", "sendChatAction", "readAllChatMentions",
                "setChatDraftMessage", "toggleChatIsMarkedAsUnread", "createPrivateChat", "leaveChat",
                "setAuthenticationPhoneNumber", "terminateSession", "destroy")) {
            assertFalse(ReadOnlyGuard.isAllowed(Json.object(name)), name);
        }
    }

    @Test
    void setOptionOnlyForLocalOptionsNeverOnline() {
        ObjectNode online = Json.object("setOption").put("name", "online");
        online.set("value", Json.object("optionValueBoolean").put("value", true));
        ForbiddenTdFunctionException e = assertThrows(ForbiddenTdFunctionException.class,
                () -> ReadOnlyGuard.check(online));
        assertTrue(e.getMessage().contains("online"));
        assertFalse(ReadOnlyGuard.isAllowed(Json.object("setOption").put("name", "is_location_visible")));
        assertFalse(ReadOnlyGuard.isAllowed(Json.object("setOption")));
        assertTrue(ReadOnlyGuard.isAllowed(Json.object("setOption").put("name", "ignore_background_updates")));
    }

    @Test
    void requestsWithoutTypeAndExecuteOfWritesAreRefused() {
        assertThrows(ForbiddenTdFunctionException.class, () -> ReadOnlyGuard.check(Json.MAPPER.createObjectNode()));
        assertThrows(ForbiddenTdFunctionException.class,
                () -> ReadOnlyGuard.checkExecute(Json.object("sendMessage")));
        assertThrows(ForbiddenTdFunctionException.class,
                () -> ReadOnlyGuard.checkExecute(Json.object("setTdlibParameters")));
        ReadOnlyGuard.checkExecute(Json.object("getTextEntities"));
    }
}
