package com.scopelock.outreach.api.graph;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FalkorDB's persistence state, read from {@code INFO persistence}: whether it is loading its data (it answers
 * {@code -LOADING} to queries meanwhile), the last RDB snapshot, and the AOF (size, last rewrite and write).
 * Sizes and times are null when the server does not report them (e.g. the AOF is off).
 */
public record FalkorPersistence(boolean loading, Double loadingPercent, Long loadingEtaSeconds,
                                Long rdbLastSaveTime, Long rdbChangesSinceLastSave, boolean rdbSaveInProgress,
                                String rdbLastSaveStatus, boolean aofEnabled, boolean aofRewriteInProgress,
                                String aofLastRewriteStatus, String aofLastWriteStatus, Long aofSize,
                                Long aofBaseSize) {

    /** Parses the {@code key:value} lines of INFO; unknown lines and sections are ignored. */
    public static FalkorPersistence parse(String info) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = info.startsWith("txt:") ? info.substring(4) : info; // a RESP3 verbatim string
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1));
            }
            start = end + 1;
        }
        return new FalkorPersistence("1".equals(fields.get("loading")), decimal(fields.get("loading_loaded_perc")),
                number(fields.get("loading_eta_seconds")), number(fields.get("rdb_last_save_time")),
                number(fields.get("rdb_changes_since_last_save")), "1".equals(fields.get("rdb_bgsave_in_progress")),
                fields.get("rdb_last_bgsave_status"), "1".equals(fields.get("aof_enabled")),
                "1".equals(fields.get("aof_rewrite_in_progress")), fields.get("aof_last_bgrewrite_status"),
                fields.get("aof_last_write_status"), number(fields.get("aof_current_size")),
                number(fields.get("aof_base_size")));
    }

    /** What readiness shows (snake_case, as the rest of the API). */
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("loading", loading);
        if (loading) {
            putIfKnown(d, "loading_percent", loadingPercent);
            putIfKnown(d, "loading_eta_seconds", loadingEtaSeconds);
        }
        if (rdbLastSaveTime != null && rdbLastSaveTime > 0) {
            d.put("rdb_last_save", Instant.ofEpochSecond(rdbLastSaveTime).toString());
        }
        putIfKnown(d, "rdb_last_save_status", rdbLastSaveStatus);
        putIfKnown(d, "rdb_changes_since_last_save", rdbChangesSinceLastSave);
        d.put("aof_enabled", aofEnabled);
        if (aofEnabled) {
            putIfKnown(d, "aof_size_bytes", aofSize);
            putIfKnown(d, "aof_base_size_bytes", aofBaseSize);
            putIfKnown(d, "aof_last_rewrite_status", aofLastRewriteStatus);
            putIfKnown(d, "aof_last_write_status", aofLastWriteStatus);
            d.put("aof_rewrite_in_progress", aofRewriteInProgress);
        }
        return d;
    }

    private static void putIfKnown(Map<String, Object> d, String key, Object value) {
        if (value != null) {
            d.put(key, value);
        }
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String s) {
        try {
            return s == null ? null : Double.parseDouble(s.strip().replace("%", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
