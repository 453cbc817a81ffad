package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopelock.outreach.leadingest.telegram.ExportPeople;
import com.scopelock.outreach.leadingest.telegram.ExportReader;
import com.scopelock.outreach.leadingest.telegram.Scoring;
import com.scopelock.outreach.model.LeadLinks;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a lead file record by record with a streaming parser, so that only one record is a tree at a time.
 * Accepts {@code {"team_members": [...], ...}} (other top-level fields are ignored), a bare array, or a Telegram
 * Desktop JSON export (told apart by its top-level fields, {@link ExportReader#EXPORT_FIELDS}): its messages are
 * read one at a time and its leads handed over once the whole export has been read.
 */
@ApplicationScoped
public class LeadFileParser {
    static final String LEADS_FIELD = "team_members";
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private final Scoring scoring;

    public LeadFileParser(Scoring scoring) {
        this.scoring = scoring;
    }

    @FunctionalInterface
    public interface RecordHandler {
        void onRecord(int index, JsonNode record);

        /** A lead found in a Telegram export, with whom it knows. */
        default void onRecord(int index, JsonNode record, LeadLinks links) {
            onRecord(index, record);
        }
    }

    /** The format a document turned out to have. */
    public enum Format { TEAM_MEMBERS, TELEGRAM_EXPORT }

    /** What {@link #parse} read: the format and how many records it handed over. */
    public record Parsed(Format format, int records) {
    }

    /** A lead file read for {@code owner}: see {@link #parse(InputStream, String, RecordHandler)}. */
    public int parse(InputStream body, RecordHandler handler) {
        return parse(body, "lead-ingest", handler).records();
    }

    /**
     * Calls {@code handler} for every record in order; throws {@link MalformedLeadFileException} on bad input
     * (for an export before any record is handed over). {@code owner} is the importing member: the owner of an
     * export, never a lead.
     */
    public Parsed parse(InputStream body, String owner, RecordHandler handler) {
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedLeadFileException("the body is empty: expected a lead file (JSON)", parser.currentLocation());
            }
            Parsed parsed = switch (first) {
                case START_ARRAY -> new Parsed(Format.TEAM_MEMBERS, readRecords(parser, handler));
                case START_OBJECT -> readEnvelope(parser, owner, handler);
                default -> throw new MalformedLeadFileException(
                        "the top level must be an object with a \"team_members\" array, or an array of leads; found " + first,
                        parser.currentTokenLocation());
            };
            if (parser.nextToken() != null) {
                throw new MalformedLeadFileException("unexpected content after the end of the lead file", parser.currentTokenLocation());
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new MalformedLeadFileException("the body is not valid JSON: " + e.getOriginalMessage(), e.getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the lead file failed", e);
        }
    }

    private Parsed readEnvelope(JsonParser parser, String owner, RecordHandler handler) throws IOException {
        Integer count = null;
        ExportPeople export = scoring.begin(owner);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (count == null && (ExportReader.EXPORT_FIELDS.contains(field)
                    || ExportReader.CHAT_FIELDS.contains(field) && value.isScalarValue())) {
                ExportReader.readTopField(field, parser, mapper, export);
                continue;
            }
            if (!LEADS_FIELD.equals(field)) {
                parser.skipChildren();
                continue;
            }
            if (export.seen()) {
                throw new MalformedLeadFileException("a Telegram export with a \"team_members\" array: which is it?",
                        parser.currentTokenLocation());
            }
            if (count != null) {
                throw new MalformedLeadFileException("\"team_members\" appears twice", parser.currentTokenLocation());
            }
            if (value != JsonToken.START_ARRAY) {
                throw new MalformedLeadFileException("\"team_members\" must be an array, found " + value, parser.currentTokenLocation());
            }
            count = readRecords(parser, handler);
        }
        if (count != null) {
            return new Parsed(Format.TEAM_MEMBERS, count);
        }
        if (!export.seen()) {
            throw new MalformedLeadFileException("the object has no \"team_members\" array and is not a Telegram "
                    + "export (no \"messages\" array, no \"chats\".\"list\")", parser.currentLocation());
        }
        int[] index = {0};
        export.emit((record, links) -> handler.onRecord(index[0]++, record, links));
        return new Parsed(Format.TELEGRAM_EXPORT, index[0]);
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
