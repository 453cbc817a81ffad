package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a lead file record by record with a streaming parser, so that only one record is a tree at a time.
 * Accepts {@code {"team_members": [...], ...}} (other top-level fields are ignored) or a bare array.
 */
@ApplicationScoped
public class LeadFileParser {
    static final String LEADS_FIELD = "team_members";
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(int index, JsonNode record);
    }

    /** Calls {@code handler} for every record in order; throws {@link MalformedLeadFileException} on bad input. */
    public int parse(InputStream body, RecordHandler handler) {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedLeadFileException("the body is empty: expected a lead file (JSON)", parser.currentLocation());
            }
            int count = switch (first) {
                case START_ARRAY -> readRecords(parser, handler);
                case START_OBJECT -> readEnvelope(parser, handler);
                default -> throw new MalformedLeadFileException(
                        "the top level must be an object with a \"team_members\" array, or an array of leads; found " + first,
                        parser.currentTokenLocation());
            };
            if (parser.nextToken() != null) {
                throw new MalformedLeadFileException("unexpected content after the end of the lead file", parser.currentTokenLocation());
            }
            return count;
        } catch (JsonProcessingException e) {
            throw new MalformedLeadFileException("the body is not valid JSON: " + e.getOriginalMessage(), e.getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the lead file failed", e);
        }
    }

    private int readEnvelope(JsonParser parser, RecordHandler handler) throws IOException {
        Integer count = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!LEADS_FIELD.equals(field)) {
                parser.skipChildren();
                continue;
            }
            if (count != null) {
                throw new MalformedLeadFileException("\"team_members\" appears twice", parser.currentTokenLocation());
            }
            if (value != JsonToken.START_ARRAY) {
                throw new MalformedLeadFileException("\"team_members\" must be an array, found " + value, parser.currentTokenLocation());
            }
            count = readRecords(parser, handler);
        }
        if (count == null) {
            throw new MalformedLeadFileException("the object has no \"team_members\" array", parser.currentLocation());
        }
        return count;
    }

    private int readRecords(JsonParser parser, RecordHandler handler) throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw new MalformedLeadFileException("the body ends inside the leads array", parser.currentLocation());
            }
            JsonNode record = mapper.readTree(parser);
            handler.onRecord(index++, record);
        }
        return index;
    }
}
