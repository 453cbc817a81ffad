package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Topic {@link Topics#GENERATED_MESSAGES}, key = contact slug. message-generator's answer to a
 * {@link GenerationRequested}: same {@code correlation_id}, same key. {@code generated_by} is {@link #BY_MAYA}
 * when the Claude CLI wrote a valid message, {@link #BY_TEMPLATE} otherwise, and then {@code warning} says why
 * (null when Maya wrote it). {@code message_text} is always non-empty and at most 500 characters.
 * {@code variant} / {@code experiment} (added later, null from older producers): the prompt variant the text was
 * written with and the A/B experiment that chose it; the template has its own variant, {@link #TEMPLATE_VARIANT}.
 */
public record MessageGenerated(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String correlationId,
        String contactSlug,
        String messageText,
        String generatedBy,
        PersonalizationContext personalizationContext,
        String warning,
        Instant generatedAt,
        long durationMs,
        String variant,
        String experiment) implements OutreachEvent {

    public static final String TYPE = "message.generated";
    public static final int VERSION = 1;
    public static final String BY_MAYA = "maya";
    public static final String BY_TEMPLATE = "generic-template";
    /** The variant of every message written from the fallback template. */
    public static final String TEMPLATE_VARIANT = "template";

    public static MessageGenerated answer(GenerationRequested request, String messageText, String generatedBy,
                                          PersonalizationContext context, String warning, Instant now,
                                          long durationMs) {
        return answer(request, messageText, generatedBy, context, warning, now, durationMs, null, null);
    }

    public static MessageGenerated answer(GenerationRequested request, String messageText, String generatedBy,
                                          PersonalizationContext context, String warning, Instant now,
                                          long durationMs, String variant, String experiment) {
        return new MessageGenerated(UUID.randomUUID(), TYPE, VERSION, now, request.owner(), request.correlationId(),
                request.contactSlug(), messageText, generatedBy, context, warning, now, durationMs, variant, experiment);
    }

    public String key() {
        return contactSlug;
    }

    /**
     * Why the message looks the way it does: the hook it was written from (null when the lead has no snippet),
     * the signals given to the model (strongest first), and whether the text was written from the hook.
     */
    public record PersonalizationContext(Hook hook, List<String> signalsUsed, boolean messageReferenced) {
        public PersonalizationContext {
            signalsUsed = signalsUsed == null ? List.of() : signalsUsed;
        }
    }

    /** The lead's own message the text refers to; {@code message_id} is null for a sample message. */
    public record Hook(Long messageId, String textSnippet, String signalType, String date) {
    }
}
