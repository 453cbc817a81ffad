package com.scopelock.outreach.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A validated lead as the analysis described it. {@code analysisData} keeps everything else the record had
 * (signals, sample_messages, username, unknown fields) exactly as given.
 */
public record LeadData(
        long telegramId,
        String name,
        String chatType,
        String profileType,
        int supervisorScore,
        int hustlerScore,
        List<MatchingMessage> matchingMessages,
        ObjectNode analysisData) {

    public static final int MAX_SCORE = 15;

    public int totalScore() {
        return supervisorScore + hustlerScore;
    }
}
