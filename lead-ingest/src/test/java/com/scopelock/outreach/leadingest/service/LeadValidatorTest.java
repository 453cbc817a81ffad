package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopelock.outreach.model.LeadData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final LeadValidator validator = new LeadValidator(TestConfigs.defaults());

    private static String lead(String telegramId, String name) {
        return "{\"telegram_id\":" + telegramId + ",\"name\":" + name + ",\"profile_type\":\"hustler\","
                + "\"supervisor_score\":1,\"hustler_score\":15,\"chat_type\":\"group\",\"signals\":{\"raider\":3},"
                + "\"username\":\"liam_x\",\"future_field\":[1,2],"
                + "\"matching_messages\":[{\"message_id\":123,\"date\":\"2024-11-01T12:00:00\","
                + "\"text_snippet\":\"Completed 100 retweets\",\"signal_type\":\"hustler\"}]}";
    }

    private LeadValidator.Outcome validate(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return validator.validate(7, node);
    }

    private Rejection rejected(String json) throws Exception {
        return assertInstanceOf(LeadValidator.Rejected.class, validate(json)).rejection();
    }

    @Test
    void acceptsAValidLeadAndKeepsUnknownFieldsInAnalysisData() throws Exception {
        LeadData lead = assertInstanceOf(LeadValidator.Accepted.class, validate(lead("7944133972", "\"  Liam 🚀  \""))).lead();
        assertEquals(7944133972L, lead.telegramId());
        assertEquals("Liam 🚀", lead.name());
        assertEquals(16, lead.totalScore());
        assertEquals("Completed 100 retweets", lead.matchingMessages().getFirst().textSnippet());
        assertEquals("liam_x", lead.analysisData().get("username").asText());
        assertEquals(2, lead.analysisData().get("future_field").size());
        assertEquals(3, lead.analysisData().get("signals").get("raider").asInt());
        assertTrue(lead.analysisData().get("telegram_id") == null, "modelled fields are not duplicated");
    }

    /** Before: the rejection copied the whole value (1 MB in, 1 MB in the report, per record). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"profile_type|\"%s\"", "chat_type|\"%s\"", "supervisor_score|\"%s\"",
            "supervisor_score|[\"%s\"]"})
    void aHugeBadValueIsQuotedWithAtMost200OfItsCharacters(String field, String shape) throws Exception {
        String huge = "y".repeat(1_000_000);
        var record = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(lead("5", "\"x\""));
        record.set(field, JSON.readTree(shape.formatted(huge)));
        Rejection r = assertInstanceOf(LeadValidator.Rejected.class, validator.validate(7, record)).rejection();
        assertEquals(field, r.field());
        assertTrue(r.reason().length() < 400, "reason of " + r.reason().length() + " characters");
        assertTrue(r.reason().chars().filter(c -> c == 'y').count() <= Quote.MAX_CHARS, r.reason());
        // either a quote cut at 200 ("… N more characters") or, for fields with a size limit, only the size
        assertTrue(r.reason().contains("characters"), r.reason());
    }

    @Test
    void aHugeBadDateOrMessageIdIsQuotedShort() throws Exception {
        String huge = "9".repeat(500);
        String json = lead("5", "\"x\"").replace("\"2024-11-01T12:00:00\"", "\"" + huge + "\"");
        Rejection r = rejected(json);
        assertEquals("matching_messages[0].date", r.field());
        assertTrue(r.reason().length() < 400, r.reason());
    }

    @Test
    void acceptsANumericStringIdAndTheLargestLong() throws Exception {
        assertEquals(42L, assertInstanceOf(LeadValidator.Accepted.class, validate(lead("\"42\"", "\"x\""))).lead().telegramId());
        assertEquals(Long.MAX_VALUE, assertInstanceOf(LeadValidator.Accepted.class,
                validate(lead("9223372036854775807", "\"x\""))).lead().telegramId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "9223372036854775808|does not fit",
            "\"9223372036854775808\"|does not fit",
            "2.5|whole number",
            "1e3|whole number",
            "0|positive",
            "-5|must be positive",
            "\"12abc\"|positive 64-bit",
            "\"-12\"|positive 64-bit",
            "null|required",
            "true|positive 64-bit"})
    void rejectsTelegramIdsThatDoNotFitExactly(String id, String reason) throws Exception {
        Rejection r = rejected(lead(id, "\"x\""));
        assertEquals("telegram_id", r.field());
        assertEquals(7, r.index());
        assertNull(r.telegramId());
        assertTrue(r.reason().contains(reason), r.reason());
    }

    @Test
    void rejectsBadNamesWithTheTelegramIdInTheReport() throws Exception {
        assertEquals("name", rejected(lead("5", "\"   \"")).field());
        assertEquals("name", rejected(lead("5", "42")).field());
        assertEquals(5L, rejected(lead("5", "\"" + "é".repeat(257) + "\"")).telegramId());
        assertTrue(rejected(lead("5", "\"a\\u0000b\"")).reason().contains("NUL"));
        assertTrue(rejected(lead("5", "\"a\\ud800b\"")).reason().contains("surrogate"));
        assertInstanceOf(LeadValidator.Accepted.class, validate(lead("5", "\"" + "😀".repeat(256) + "\"")),
                "256 emoji are 256 characters even though they are 512 UTF-16 units");
    }

    @Test
    void rejectsScoresAndTypesOutOfRange() throws Exception {
        assertEquals("supervisor_score", rejected(lead("5", "\"x\"").replace("\"supervisor_score\":1", "\"supervisor_score\":16")).field());
        assertEquals("hustler_score", rejected(lead("5", "\"x\"").replace("\"hustler_score\":15", "\"hustler_score\":1.5")).field());
        assertEquals("hustler_score", rejected(lead("5", "\"x\"").replace("\"hustler_score\":15,", "")).field());
        assertEquals("profile_type", rejected(lead("5", "\"x\"").replace("\"hustler\",\"supervisor", "\"boss\",\"supervisor")).field());
        assertEquals("chat_type", rejected(lead("5", "\"x\"").replace("\"group\"", "\"dm\"")).field());
    }

    @Test
    void checksEveryMatchingMessage() throws Exception {
        String base = lead("5", "\"x\"");
        assertEquals("matching_messages[0].date", rejected(base.replace("2024-11-01T12:00:00", "yesterday")).field());
        assertEquals("matching_messages[0].message_id", rejected(base.replace("\"message_id\":123", "\"message_id\":\"a\"")).field());
        assertEquals("matching_messages[0].text_snippet",
                rejected(base.replace("Completed 100 retweets", "x".repeat(1001))).field());
        assertEquals("matching_messages[0].signal_type", rejected(base.replace("\"signal_type\":\"hustler\"", "\"signal_type\":\"\"")).field());
        assertEquals("matching_messages", rejected(base.replace("\"matching_messages\":[", "\"matching_messages\":{\"a\":[").replace("}]}", "}]}}")).field());
        assertInstanceOf(LeadValidator.Accepted.class, validate(base.replace("2024-11-01T12:00:00", "2024-11-01")));
        assertInstanceOf(LeadValidator.Accepted.class, validate(base.replace("2024-11-01T12:00:00", "2024-11-01T12:00:00Z")));
    }

    @Test
    void aRecordThatIsNotAnObjectIsRejected() throws Exception {
        assertEquals("(record)", rejected("[1,2]").field());
        assertEquals("(record)", rejected("\"lead\"").field());
    }

    @Test
    void profileTypeDefaultsToUnknown() throws Exception {
        String json = lead("5", "\"x\"").replace("\"profile_type\":\"hustler\",", "");
        assertEquals("unknown", assertInstanceOf(LeadValidator.Accepted.class, validate(json)).lead().profileType());
    }

    /** Issue 10.1: every field has a size limit; the rejection names the field and does not quote the value. */
    @Test
    void oversizedFieldsAreRejectedWithTheFieldNamed() throws Exception {
        String hostile = "a.".repeat(24_000);
        String base = lead("5", "\"Liam\"");
        Rejection bio = rejected(base.replace("\"username\":\"liam_x\"", "\"username\":\"liam_x\",\"bio\":\"" + hostile + "\""));
        assertEquals("bio", bio.field());
        assertEquals(5L, bio.telegramId());
        assertTrue(bio.reason().contains("48000 characters long, at most 2000"), bio.reason());
        assertTrue(bio.reason().length() < 200, "the value is not quoted");

        Rejection sample = rejected(base.replace("\"future_field\":[1,2]",
                "\"sample_messages\":[\"ok\",\"" + "x".repeat(2001) + "\"]"));
        assertEquals("sample_messages[1]", sample.field());

        Rejection items = rejected(base.replace("\"future_field\":[1,2]",
                "\"groups\":[" + "\"g\",".repeat(200) + "\"g\"]"));
        assertEquals("groups", items.field());
        assertTrue(items.reason().contains("201 items, at most 200"), items.reason());

        Rejection key = rejected(base.replace("\"future_field\":[1,2]", "\"signals2\":{\"" + "k".repeat(2001) + "\":1}"));
        assertEquals("signals2", key.field());
        assertTrue(key.reason().length() < 200, key.reason());

        Rejection total = rejected(base.replace("\"future_field\":[1,2]",
                "\"notes\":[" + ("\"" + "n".repeat(1999) + "\",").repeat(40) + "\"end\"]"));
        assertTrue(total.field().startsWith("notes["), total.field());
        assertTrue(total.reason().contains("over 65536 characters in total"), total.reason());

        Rejection profile = rejected(base.replace("\"profile_type\":\"hustler\"", "\"profile_type\":\"" + hostile + "\""));
        assertEquals("profile_type", profile.field());
        assertTrue(profile.reason().length() < 200, "the value is not quoted");

        assertInstanceOf(LeadValidator.Accepted.class, validate(base.replace("\"future_field\":[1,2]",
                "\"bio\":\"" + "a.".repeat(1000) + "\"")), "2000 characters are fine");
    }
}
