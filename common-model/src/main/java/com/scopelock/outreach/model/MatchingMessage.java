package com.scopelock.outreach.model;

/** One message snippet of a lead that triggered a signal in the analysis. {@code date} is ISO-8601 as given. */
public record MatchingMessage(long messageId, String date, String textSnippet, String signalType) {
}
