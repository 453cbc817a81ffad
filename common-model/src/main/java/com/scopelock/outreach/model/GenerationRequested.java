package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Topic {@link Topics#GENERATION_REQUESTS}, key = contact slug. Produced by outreach-api when a team member asks
 * for a first message; message-generator answers with a {@link MessageGenerated} carrying the same
 * {@code correlation_id} and key. A new correlation id means "generate again" (a new version); the same
 * correlation id delivered twice is answered again (at-least-once) but the CLI never runs twice at once for it.
 *
 * <p>{@code signals} maps a signal name (e.g. {@code raider}) to its strength from the analysis.
 * All lead text ({@code name}, snippets, sample messages) is untrusted data from public chats.
 */
public record GenerationRequested(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String correlationId,
        String contactSlug,
        String name,
        String profileType,
        int supervisorScore,
        int hustlerScore,
        Map<String, Integer> signals,
        List<MatchingMessage> matchingMessages,
        List<String> sampleMessages) implements OutreachEvent {

    public static final String TYPE = "generation.requested";
    public static final int VERSION = 1;

    public GenerationRequested {
        signals = signals == null ? Map.of() : signals;
        matchingMessages = matchingMessages == null ? List.of() : matchingMessages;
        sampleMessages = sampleMessages == null ? List.of() : sampleMessages;
    }

    public static GenerationRequested of(String owner, String correlationId, String contactSlug, String name,
                                         String profileType, int supervisorScore, int hustlerScore,
                                         Map<String, Integer> signals, List<MatchingMessage> matchingMessages,
                                         List<String> sampleMessages, Instant now) {
        return new GenerationRequested(UUID.randomUUID(), TYPE, VERSION, now, owner, correlationId, contactSlug,
                name, profileType, supervisorScore, hustlerScore, signals, matchingMessages, sampleMessages);
    }

    public String key() {
        return contactSlug;
    }
}
