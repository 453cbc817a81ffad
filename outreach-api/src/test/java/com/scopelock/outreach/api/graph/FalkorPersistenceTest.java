package com.scopelock.outreach.api.graph;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FalkorPersistenceTest {
    // the shape redis-server 8.2 answers INFO persistence with (values from a FalkorDB with the suite's settings)
    static final String RUNNING = """
            # Persistence\r
            loading:0\r
            async_loading:0\r
            rdb_changes_since_last_save:42\r
            rdb_bgsave_in_progress:0\r
            rdb_last_save_time:1796310309\r
            rdb_last_bgsave_status:ok\r
            rdb_saves:3\r
            aof_enabled:1\r
            aof_rewrite_in_progress:0\r
            aof_rewrite_scheduled:0\r
            aof_last_bgrewrite_status:ok\r
            aof_rewrites:2\r
            aof_last_write_status:ok\r
            aof_current_size:18874368\r
            aof_base_size:16777216\r
            """;

    @Test
    void readsTheStateOfARunningServer() {
        FalkorPersistence p = FalkorPersistence.parse(RUNNING);
        assertFalse(p.loading());
        assertEquals(1796310309L, p.rdbLastSaveTime());
        assertEquals(42L, p.rdbChangesSinceLastSave());
        assertEquals("ok", p.rdbLastSaveStatus());
        assertTrue(p.aofEnabled());
        assertEquals(18874368L, p.aofSize());
        assertEquals(16777216L, p.aofBaseSize());
        assertEquals("2026-12-03T15:05:09Z", p.details().get("rdb_last_save"));
        assertEquals(18874368L, p.details().get("aof_size_bytes"));
    }

    @Test
    void readsLoadingProgressAndAVerbatimString() {
        FalkorPersistence p = FalkorPersistence.parse("txt:# Persistence\r\nloading:1\r\nloading_loaded_perc:37.52\r\n"
                + "loading_eta_seconds:12\r\naof_enabled:0\r\nrdb_last_bgsave_status:err\r\n");
        assertTrue(p.loading());
        assertEquals(37.52, p.loadingPercent());
        assertEquals(12L, p.loadingEtaSeconds());
        assertFalse(p.aofEnabled());
        assertNull(p.aofSize());
        assertEquals(true, p.details().get("loading"));
        assertEquals(37.52, p.details().get("loading_percent"));
        assertEquals("err", p.details().get("rdb_last_save_status"));
        assertFalse(p.details().containsKey("aof_size_bytes"));
    }
}
