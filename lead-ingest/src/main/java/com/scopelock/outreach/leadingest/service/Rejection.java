package com.scopelock.outreach.leadingest.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Why one record of a lead file was not accepted: its index in the array, its telegram_id if readable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(int index, Long telegramId, String field, String reason) {
}
