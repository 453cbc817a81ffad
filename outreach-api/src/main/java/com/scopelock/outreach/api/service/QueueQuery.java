package com.scopelock.outreach.api.service;

/** A validated queue request: {@code profileType} null means any. */
public record QueueQuery(String profileType, int minScore, int limit, long offset) {
}
