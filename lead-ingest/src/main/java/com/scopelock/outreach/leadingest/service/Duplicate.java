package com.scopelock.outreach.leadingest.service;

/** A valid record dropped because a later record of the same file has the same telegram_id (the last one wins). */
public record Duplicate(int index, long telegramId, int replacedByIndex) {
}
