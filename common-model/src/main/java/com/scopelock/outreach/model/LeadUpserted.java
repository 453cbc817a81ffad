package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@link Topics#LEAD_UPSERTS}, key = telegram_id. Produced by lead-ingest for every accepted lead. {@code links}
 * (added later, optional) tells who the lead knows; a record without it decodes with {@code links == null}.
 */
public record LeadUpserted(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String importId,
        LeadData lead,
        LeadLinks links) implements OutreachEvent {

    public static final String TYPE = "lead.upserted";
    public static final int VERSION = 1;

    public static LeadUpserted of(String owner, String importId, LeadData lead, Instant now) {
        return of(owner, importId, lead, null, now);
    }

    /** {@code links} is optional (null: nothing known); consumers written before it ignore it. */
    public static LeadUpserted of(String owner, String importId, LeadData lead, LeadLinks links, Instant now) {
        return new LeadUpserted(UUID.randomUUID(), TYPE, VERSION, now, owner, importId, lead, links);
    }

    public String key() {
        return Long.toString(lead.telegramId());
    }
}
