package com.scopelock.outreach.leadingest.service;

import com.scopelock.outreach.leadingest.telegram.Scoring;
import com.scopelock.outreach.leadingest.telegram.TestScoring;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadFileParserTest {
    private final LeadFileParser parser = new LeadFileParser(new Scoring(TestScoring.config(java.util.Map.of())));

    private List<String> parse(String body) {
        List<String> records = new ArrayList<>();
        parser.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                (index, record) -> records.add(index + ":" + record));
        return records;
    }

    @Test
    void readsTheEnvelopeFormIgnoringOtherTopLevelFields() {
        List<String> records = parse("{\"generated_at\":\"x\",\"meta\":{\"a\":[1]},\"team_members\":[{\"a\":1},{\"b\":2}],\"total\":2}");
        assertEquals(List.of("0:{\"a\":1}", "1:{\"b\":2}"), records);
    }

    @Test
    void readsABareArrayIncludingNonObjectItems() {
        assertEquals(List.of("0:{\"a\":1}", "1:7"), parse("[{\"a\":1}, 7]"));
        assertEquals(List.of(), parse("[]"));
    }

    @Test
    void malformedJsonReportsWhere() {
        MalformedLeadFileException e = assertThrows(MalformedLeadFileException.class,
                () -> parse("{\"team_members\":[\n{\"a\":1},\n{\"b\": }]}"));
        assertEquals(3, e.line());
        assertTrue(e.column() > 1, "column " + e.column());
        assertTrue(e.getMessage().startsWith("the body is not valid JSON"), e.getMessage());
    }

    @Test
    void wrongTopLevelsAreRefused() {
        assertTrue(assertThrows(MalformedLeadFileException.class, () -> parse("42")).getMessage().contains("top level"));
        assertTrue(assertThrows(MalformedLeadFileException.class, () -> parse("{\"leads\":[]}")).getMessage().contains("no \"team_members\""));
        assertTrue(assertThrows(MalformedLeadFileException.class, () -> parse("{\"team_members\":{}}")).getMessage().contains("must be an array"));
        assertTrue(assertThrows(MalformedLeadFileException.class, () -> parse("")).getMessage().contains("empty"));
        assertTrue(assertThrows(MalformedLeadFileException.class, () -> parse("[] []")).getMessage().contains("after the end"));
        assertThrows(MalformedLeadFileException.class, () -> parse("[{\"a\":1}"));
    }
}
