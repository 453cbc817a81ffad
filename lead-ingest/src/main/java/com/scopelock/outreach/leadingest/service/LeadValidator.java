package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.leadingest.config.IngestConfig;
import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.model.MatchingMessage;
import com.scopelock.outreach.rules.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one record of a lead file. Returns the lead, or the first problem found with the field it is in.
 * Fields the lead model does not name are kept, as given, in {@code analysis_data}. Every field has a size
 * limit (text length, list items, all other text together), checked before the value is looked at further: a
 * rejection names the field and never quotes an oversized value. No regular expressions: linear scans only.
 */
@ApplicationScoped
public class LeadValidator {
    static final Set<String> MODELLED_FIELDS = Set.of("telegram_id", "name", "chat_type", "profile_type",
            "supervisor_score", "hustler_score", "matching_messages");
    private static final int MAX_DIGITS = 30;
    private static final int MAX_ENUM_LENGTH = 64;
    private static final int MAX_DATE_LENGTH = 64;
    private static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);
    private static final int MAX_SIGNAL_TYPE_LENGTH = 64;

    private final IngestConfig config;

    public LeadValidator(IngestConfig config) {
        this.config = config;
    }

    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(LeadData lead) implements Outcome {
    }

    public record Rejected(Rejection rejection) implements Outcome {
    }

    public Outcome validate(int index, JsonNode record) {
        if (record == null || !record.isObject()) {
            return reject(index, null, "(record)", "must be a JSON object");
        }
        Long telegramId;
        try {
            telegramId = telegramId(record.get("telegram_id"));
        } catch (Invalid e) {
            return reject(index, null, "telegram_id", e.getMessage());
        }
        try {
            String name = name(record.get("name"));
            String chatType = optionalEnum(record.get("chat_type"), "chat_type", Vocabulary.CHAT_TYPES, null);
            String profileType = optionalEnum(record.get("profile_type"), "profile_type", Vocabulary.PROFILE_TYPES,
                    Vocabulary.UNKNOWN_PROFILE);
            int supervisor = score(record.get("supervisor_score"), "supervisor_score");
            int hustler = score(record.get("hustler_score"), "hustler_score");
            List<MatchingMessage> messages = matchingMessages(record.get("matching_messages"));
            ObjectNode analysis = ((ObjectNode) record).deepCopy();
            analysis.remove(MODELLED_FIELDS);
            checkSizes(analysis);
            return new Accepted(new LeadData(telegramId, name, chatType, profileType, supervisor, hustler, messages, analysis));
        } catch (Invalid e) {
            return reject(index, telegramId, e.field, e.getMessage());
        }
    }

    private static Outcome reject(int index, Long telegramId, String field, String reason) {
        return new Rejected(new Rejection(index, telegramId, field, reason));
    }

    private static Long telegramId(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new Invalid("telegram_id", "is required");
        }
        BigInteger value;
        if (node.isIntegralNumber()) {
            value = node.bigIntegerValue();
        } else if (node.isTextual() && isDigits(node.textValue())) {
            value = new BigInteger(node.textValue());
        } else if (node.isNumber()) {
            throw new Invalid("telegram_id", "must be a whole number, got " + Quote.of(node));
        } else {
            throw new Invalid("telegram_id", "must be a positive 64-bit integer (a number or a string of digits)");
        }
        if (value.signum() <= 0) {
            throw new Invalid("telegram_id", "must be positive, got " + Quote.cut(value.toString()));
        }
        if (value.compareTo(MAX_LONG) > 0) {
            throw new Invalid("telegram_id", "does not fit a 64-bit integer (max 9223372036854775807)");
        }
        return value.longValue();
    }

    private String name(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new Invalid("name", "is required");
        }
        if (!node.isTextual()) {
            throw new Invalid("name", "must be a string");
        }
        String name = node.textValue().strip();
        if (name.isEmpty()) {
            throw new Invalid("name", "must not be empty or blank");
        }
        checkText("name", name, config.maxNameLength());
        return name;
    }

    private void checkText(String field, String text, int maxCodePoints) {
        int length = text.codePointCount(0, text.length());
        if (length > maxCodePoints) {
            throw new Invalid(field, "is " + length + " characters long, at most " + maxCodePoints + " allowed");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new Invalid(field, "contains a NUL character (U+0000), which cannot be stored");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Invalid(field, "contains an unpaired UTF-16 surrogate at character " + i + ", which is not valid Unicode");
            }
        }
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String optionalEnum(JsonNode node, String field, Set<String> allowed, String fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isTextual() && node.textValue().length() > MAX_ENUM_LENGTH) {
            throw new Invalid(field, "must be one of " + allowed.stream().sorted().toList() + ", got a text of "
                    + node.textValue().length() + " characters");
        }
        if (!node.isTextual() || !allowed.contains(node.textValue())) {
            throw new Invalid(field, "must be one of " + allowed.stream().sorted().toList() + ", got " + Quote.of(node));
        }
        return node.textValue();
    }

    private static int score(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw new Invalid(field, "is required");
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new Invalid(field, "must be an integer from 0 to " + LeadData.MAX_SCORE + ", got " + Quote.of(node));
        }
        int value = node.intValue();
        if (value < 0 || value > LeadData.MAX_SCORE) {
            throw new Invalid(field, "must be from 0 to " + LeadData.MAX_SCORE + ", got " + value);
        }
        return value;
    }

    private List<MatchingMessage> matchingMessages(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new Invalid("matching_messages", "must be an array");
        }
        if (node.size() > config.maxListItems()) {
            throw new Invalid("matching_messages", "has " + node.size() + " items, at most " + config.maxListItems()
                    + " allowed");
        }
        List<MatchingMessage> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            messages.add(matchingMessage("matching_messages[" + i + "]", node.get(i)));
        }
        return List.copyOf(messages);
    }

    private MatchingMessage matchingMessage(String path, JsonNode item) {
        if (!item.isObject()) {
            throw new Invalid(path, "must be an object");
        }
        JsonNode id = item.get("message_id");
        if (id == null || !id.isIntegralNumber() || !id.canConvertToLong() || id.longValue() <= 0) {
            throw new Invalid(path + ".message_id", "must be a positive integer, got " + Quote.of(id));
        }
        String date = requiredText(item, path, "date");
        if (date.length() > MAX_DATE_LENGTH) {
            throw new Invalid(path + ".date", "is " + date.length() + " characters long, at most " + MAX_DATE_LENGTH
                    + " allowed");
        }
        if (!isIsoDate(date)) {
            throw new Invalid(path + ".date", "must be an ISO-8601 date or date-time, got " + Quote.cut("\"" + date + "\""));
        }
        String snippet = requiredText(item, path, "text_snippet");
        checkText(path + ".text_snippet", snippet, config.maxSnippetLength());
        String signal = requiredText(item, path, "signal_type");
        if (signal.isBlank()) {
            throw new Invalid(path + ".signal_type", "must not be empty");
        }
        checkText(path + ".signal_type", signal, MAX_SIGNAL_TYPE_LENGTH);
        return new MatchingMessage(id.longValue(), date, snippet, signal);
    }

    private static String requiredText(JsonNode item, String path, String field) {
        JsonNode node = item.get(field);
        if (node == null || !node.isTextual()) {
            throw new Invalid(path + "." + field, node == null || node.isNull() ? "is required" : "must be a string");
        }
        return node.textValue();
    }

    /**
     * The fields the model does not name (they become analysis_data): every text at most maxTextLength code
     * points, every list and object at most maxListItems entries, all their text together at most
     * maxAnalysisLength. Iterative (no recursion over a deeply nested value).
     */
    private void checkSizes(ObjectNode analysis) {
        long total = 0;
        var pending = new java.util.ArrayDeque<Map.Entry<String, JsonNode>>();
        pending.push(Map.entry("", analysis));
        while (!pending.isEmpty()) {
            var entry = pending.pop();
            String path = entry.getKey().isEmpty() ? "(record)" : entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isTextual()) {
                String text = value.textValue();
                checkText(path, text, config.maxTextLength());
                total += text.length();
            } else if (value.isArray() || value.isObject()) {
                if (value.size() > config.maxListItems()) {
                    throw new Invalid(path, "has " + value.size() + " " + (value.isArray() ? "items" : "fields")
                            + ", at most " + config.maxListItems() + " allowed");
                }
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        pending.push(Map.entry(path + "[" + i + "]", value.get(i)));
                    }
                } else {
                    for (var field : value.properties()) {
                        String key = field.getKey();
                        if (key.length() > config.maxTextLength()) {
                            throw new Invalid(path, "has a field name of " + key.length() + " characters, at most "
                                    + config.maxTextLength() + " allowed");
                        }
                        total += key.length();
                        pending.push(Map.entry(entry.getKey().isEmpty() ? key : path + "." + key, field.getValue()));
                    }
                }
            }
            if (total > config.maxAnalysisLength()) {
                throw new Invalid(path, "brings the record's other fields over " + config.maxAnalysisLength()
                        + " characters in total");
            }
        }
    }

    static boolean isIsoDate(String value) {
        for (var parser : List.<java.util.function.Consumer<String>>of(OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
            try {
                parser.accept(value);
                return true;
            } catch (DateTimeParseException ignored) {
                // try the next ISO form
            }
        }
        return false;
    }

    private static final class Invalid extends RuntimeException {
        final String field;

        Invalid(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
