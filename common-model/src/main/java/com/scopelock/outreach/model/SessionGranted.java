package com.scopelock.outreach.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@link Topics#SESSION_GRANTS} (compacted), key = {@code session_slug}
 * ({@code telegram-session-<member>-<yyyyMMddHHmmss>}, UTC). A team member's Telegram session after a QR login:
 * {@code sealed} is the base64 of the packed (zip) TDLib database directory sealed with telegram-client's
 * {@code SessionSealer} (associated data = owner + session slug), {@code key_id} the sealing key. Never plaintext.
 * {@code simulated} is true when the session belongs to the simulated Telegram.
 */
public record SessionGranted(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String owner,
        String sessionSlug,
        long telegramUserId,
        String sealed,
        String keyId,
        boolean simulated) implements OutreachEvent {

    public static final String TYPE = "session.granted";
    public static final int VERSION = 1;

    public static SessionGranted of(String owner, String sessionSlug, long telegramUserId,
                                    String sealedBase64, String keyId, boolean simulated, Instant now) {
        return new SessionGranted(UUID.randomUUID(), TYPE, VERSION, now, owner, sessionSlug, telegramUserId,
                sealedBase64, keyId, simulated);
    }

    public String key() {
        return sessionSlug;
    }

    @Override
    public String toString() {
        return "SessionGranted[event_id=" + eventId + ", owner=" + owner + ", session_slug=" + sessionSlug
                + ", telegram_user_id=" + telegramUserId + ", key_id=" + keyId + ", sealed=" + 
                (sealed == null ? 0 : sealed.length()) + " base64 chars, simulated=" + simulated + "]";
    }
}
