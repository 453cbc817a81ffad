package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every event carries: {@code event_id}, {@code type}, {@code version}, {@code occurred_at},
 * {@code owner} (the team member, where it applies), then the payload fields of the record.
 * Consumers deduplicate on {@code event_id} or on the natural key of the payload.
 */
public interface OutreachEvent {
    UUID eventId();

    String type();

    int version();

    Instant occurredAt();

    String owner();
}
