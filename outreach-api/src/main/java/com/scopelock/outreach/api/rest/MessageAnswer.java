package com.scopelock.outreach.api.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.api.graph.MessageRepository.StoredMessage;
import com.scopelock.outreach.api.service.OutreachService.MessageView;
import com.scopelock.outreach.model.JsonCodec;

/**
 * One {@code U4_Outreach_Message} as the API shows it (generate, list, edit). {@code warning} only appears when
 * the template was used; {@code telegram_link} is null when the lead has no username; {@code claimed_until}
 * only on the generate answer; {@code variant} is the prompt variant the text was written with (null for messages
 * from before variants existed).
 */
public record MessageAnswer(String messageId, String contactId, int version, String messageText,
                            JsonNode personalizationContext, String generatedBy, String generatedAt,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String warning,
                            boolean isSent, String sentAt, boolean edited, String updatedAt, String telegramLink,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String claimedUntil, String variant,
                            String experiment) {

    static MessageAnswer of(MessageView view) {
        StoredMessage m = view.message();
        JsonNode context;
        try {
            context = m.personalizationContext() == null ? null : JsonCodec.mapper().readTree(m.personalizationContext());
        } catch (java.io.IOException e) {
            context = null;
        }
        return new MessageAnswer(m.id(), m.contactId(), m.version(), m.messageText(), context, m.generatedBy(),
                m.generatedAt(), m.warning(), m.isSent(), m.sentAt(), m.edited(), m.updatedAt(), view.telegramLink(),
                view.claimedUntil(), m.variant(), m.experiment());
    }
}
