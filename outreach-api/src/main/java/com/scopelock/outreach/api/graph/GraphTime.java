package com.scopelock.outreach.api.graph;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the graph stores the ones it compares (claims, sent_at): ISO-8601 UTC with exactly three fraction
 * digits, so that string order is time order ({@link Instant#toString()} drops zero fractions and would not).
 */
public final class GraphTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private GraphTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
