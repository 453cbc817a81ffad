package com.scopelock.outreach.api.graph;

import java.util.List;

/**
 * The rows of a FalkorDB answer in its verbose form: strings, longs and nulls (FalkorDB renders booleans,
 * doubles and lists as strings there; we store structured values as JSON strings for that reason).
 */
public record GraphResult(List<String> columns, List<List<Object>> rows) {

    public Row row(int i) {
        return new Row(columns, rows.get(i));
    }

    public List<Row> all() {
        return rows.stream().map(values -> new Row(columns, values)).toList();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public record Row(List<String> columns, List<Object> values) {
        public Object get(String column) {
            int i = columns.indexOf(column);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + columns);
            }
            return values.get(i);
        }

        public String string(String column) {
            Object v = get(column);
            return v == null ? null : v.toString();
        }

        public long number(String column) {
            Object v = get(column);
            return v instanceof Long l ? l : Long.parseLong(v.toString());
        }

        public Long optionalNumber(String column) {
            Object v = get(column);
            return v == null ? null : number(column);
        }

        public boolean bool(String column) {
            return "true".equals(string(column));
        }
    }
}
