package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why one record of a lead file was not accepted: its index in the array, its telegram_id if readable. The field
 * and the reason are bounded, so a huge bad value never makes a huge report (values are quoted with {@link Quote}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(int index, Long telegramId, String field, String reason) {
    static final int MAX_FIELD = 200;
    static final int MAX_REASON = 600;

    public Rejection {
        field = field == null || field.length() <= MAX_FIELD ? field : field.substring(0, MAX_FIELD) + "…";
        reason = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }
}
