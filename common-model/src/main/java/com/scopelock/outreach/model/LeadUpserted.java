package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.UUID;

/** Topic {@link Topics#LEAD_UPSERTS}, key = telegram_id. Produced by lead-ingest for every accepted lead. */
public record LeadUpserted(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String importId,
        LeadData lead) implements OutreachEvent {

    public static final String TYPE = "lead.upserted";
    public static final int VERSION = 1;

    public static LeadUpserted of(String owner, String importId, LeadData lead, Instant now) {
        return new LeadUpserted(UUID.randomUUID(), TYPE, VERSION, now, owner, importId, lead);
    }

    public String key() {
        return Long.toString(lead.telegramId());
    }
}
