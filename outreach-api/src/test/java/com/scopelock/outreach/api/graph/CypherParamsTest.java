package com.scopelock.outreach.api.graph;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CypherParamsTest {

    @Test
    void rendersScalarsListsAndMaps() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("s", "a\"b\\c");
        params.put("n", 7L);
        params.put("none", null);
        params.put("rows", List.of(Map.of("k", true)));
        assertEquals("CYPHER s=\"a\\\"b\\\\c\" n=7 none=null rows=[{k:true}] ", CypherParams.header(params));
        assertEquals("", CypherParams.header(Map.of()));
    }

    @Test
    void refusesWhatCannotBeStoredExactly() {
        assertThrows(GraphDataException.class, () -> CypherParams.header(Map.of("s", "a\u0000")));
        assertThrows(GraphDataException.class, () -> CypherParams.header(Map.of("s", "a\uD800b")));
        assertThrows(GraphDataException.class, () -> CypherParams.header(Map.of("d", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> CypherParams.header(Map.of("bad name", 1)));
        assertThrows(IllegalArgumentException.class, () -> CypherParams.header(Map.of("m", Map.of("x}) MATCH (n", 1))));
    }
}
