package com.scopelock.outreach.api.graph;

import com.scopelock.outreach.model.JsonCodec;

import java.util.Map;
import java.util.UUID;

/**
 * A lead's timeline: append-only {@code U4_Lead_Event} nodes {@code (lead)-[:U4_HAS_EVENT]->(event)} with
 * {@code slug, lead, kind, actor, at} and a JSON {@code detail}. {@link #APPEND} is written in the same query as the
 * change it records (after a MATCH of {@code c}), so a change is never without its event.
 */
public final class TimelineEvents {
    private TimelineEvents() {
    }

    /** Needs {@code c} bound and the parameters of {@link #params}; {@code $actor} and {@code $now} as the change's. */
    public static final String APPEND = """
            CREATE (c)-[:U4_HAS_EVENT]->(ev:U4_Lead_Event {slug: $event_slug, lead: c.slug, kind: $event_kind,
                    actor: $actor, at: $now})
            SET ev.detail = $event_detail
            """;

    /** Adds the event's parameters to a query's. */
    public static void params(Map<String, Object> params, String kind, Map<String, ?> detail) {
        params.put("event_slug", "event-" + UUID.randomUUID());
        params.put("event_kind", kind);
        params.put("event_detail", detail == null ? null : JsonCodec.encode(detail));
    }
}
