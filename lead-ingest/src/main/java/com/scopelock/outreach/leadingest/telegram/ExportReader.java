package com.scopelock.outreach.leadingest.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopelock.outreach.leadingest.service.MalformedLeadFileException;

import java.io.IOException;
import java.util.Set;

/**
 * Reads the parts of a Telegram Desktop JSON export (machine-readable format) with a streaming parser: one message
 * is a tree at a time. A single chat's export has {@code name, type, id, messages[]} at the top; an account's
 * export has {@code personal_information} and {@code chats.list[]} (and {@code left_chats.list[]}).
 */
public final class ExportReader {
    /** Top-level fields that only a Telegram export has: one of them makes the document an export. */
    public static final Set<String> EXPORT_FIELDS = Set.of("messages", "chats", "left_chats", "personal_information");
    /** Top-level fields of a single chat's export that describe the chat. */
    public static final Set<String> CHAT_FIELDS = Set.of("name", "type", "id");

    private ExportReader() {
    }

    /** Reads the value of top-level field {@code field}; the parser is on that value's first token. */
    public static void readTopField(String field, JsonParser parser, ObjectMapper mapper, ExportPeople people)
            throws IOException {
        if (EXPORT_FIELDS.contains(field)) {
            people.markSeen();
        }
        switch (field) {
            case "messages" -> {
                ExportChat chat = people.topChat();
                readMessages(parser, mapper, people, chat);
                people.chatRead(chat);
            }
            case "chats", "left_chats" -> readChatList(field, parser, mapper, people);
            case "personal_information" -> {
                JsonNode info = mapper.readTree(parser);
                long id = info.path("user_id").asLong(0);
                if (id <= 0) {
                    throw new MalformedLeadFileException("personal_information has no user_id",
                            parser.currentLocation());
                }
                people.ownerId(id);
            }
            default -> chatField(field, parser, people.topChat());
        }
    }

    private static void chatField(String field, JsonParser parser, ExportChat chat) throws IOException {
        JsonToken token = parser.currentToken();
        if (!token.isScalarValue()) {
            throw new MalformedLeadFileException("the chat's \"" + field + "\" must be a plain value, found " + token,
                    parser.currentTokenLocation());
        }
        switch (field) {
            case "name" -> chat.name = parser.getValueAsString();
            case "type" -> chat.exportType = parser.getValueAsString();
            case "id" -> chat.id = parser.getValueAsLong(0);
            default -> { }
        }
    }

    private static void readChatList(String field, JsonParser parser, ObjectMapper mapper, ExportPeople people)
            throws IOException {
        expect(parser, JsonToken.START_OBJECT, "\"" + field + "\" must be an object with a \"list\" array");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!"list".equals(name)) {
                parser.skipChildren();
                continue;
            }
            if (value != JsonToken.START_ARRAY) {
                throw new MalformedLeadFileException("\"" + field + ".list\" must be an array, found " + value,
                        parser.currentTokenLocation());
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                expect(parser, JsonToken.START_OBJECT, "every item of \"" + field + ".list\" must be a chat object");
                readChat(parser, mapper, people);
            }
        }
        atEndOf(parser, JsonToken.END_OBJECT, field);
    }

    private static void readChat(JsonParser parser, ObjectMapper mapper, ExportPeople people) throws IOException {
        ExportChat chat = people.newChat();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if ("messages".equals(field)) {
                readMessages(parser, mapper, people, chat);
            } else if (CHAT_FIELDS.contains(field)) {
                chatField(field, parser, chat);
            } else {
                parser.skipChildren();
            }
        }
        atEndOf(parser, JsonToken.END_OBJECT, "a chat");
        people.chatRead(chat);
    }

    private static void readMessages(JsonParser parser, ObjectMapper mapper, ExportPeople people, ExportChat chat)
            throws IOException {
        expect(parser, JsonToken.START_ARRAY, "\"messages\" must be an array");
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new MalformedLeadFileException("the body ends inside a \"messages\" array", parser.currentLocation());
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new MalformedLeadFileException("every message must be an object, found " + parser.currentToken(),
                        parser.currentTokenLocation());
            }
            people.message(chat, mapper.readTree(parser));
        }
    }

    private static void expect(JsonParser parser, JsonToken token, String what) {
        if (parser.currentToken() != token) {
            throw new MalformedLeadFileException(what + ", found " + parser.currentToken(), parser.currentTokenLocation());
        }
    }

    private static void atEndOf(JsonParser parser, JsonToken token, String what) {
        if (parser.currentToken() != token) {
            throw new MalformedLeadFileException("the body ends inside " + what, parser.currentLocation());
        }
    }
}
