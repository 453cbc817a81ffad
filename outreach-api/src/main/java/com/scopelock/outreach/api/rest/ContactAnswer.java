package com.scopelock.outreach.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.api.graph.LeadRepository;

import java.util.List;

/** One lead as GET /api/outreach/contacts/{id} shows it: the queue fields plus its messages and analysis. */
public record ContactAnswer(String id, String name, long telegramId, String chatType, String profileType,
                            int supervisorScore, int hustlerScore, int totalScore, List<String> topSignals,
                            List<String> sampleMessages, String outreachStatus, JsonNode matchingMessages,
                            JsonNode analysisData, String contactedAt, String repliedAt, String createdAt,
                            String updatedAt, String claimedBy, String claimedUntil,
                            LeadRepository.PipelineState pipeline) {

    static ContactAnswer of(LeadRepository.LeadDetail d) {
        LeadRepository.QueueLead l = d.lead();
        return new ContactAnswer(l.id(), l.name(), l.telegramId(), d.chatType(), l.profileType(), l.supervisorScore(),
                l.hustlerScore(), l.totalScore(), l.topSignals(), l.sampleMessages(), l.outreachStatus(),
                d.matchingMessages(), d.analysisData(), d.contactedAt(), d.repliedAt(), d.createdAt(), d.updatedAt(),
                l.claimedBy(), l.claimedUntil(), d.pipeline());
    }
}
