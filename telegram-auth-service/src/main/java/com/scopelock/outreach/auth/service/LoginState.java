package com.scopelock.outreach.auth.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A QR login as stored in Redis (JSON, snake_case), so that any replica can answer qr-check. Never holds the
 * password, the TDLib database or the sealed blob; {@code qr_code} is the PNG of Telegram's short-lived login link.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoginState(
        String token,
        String owner,
        Status status,
        String qrCode,
        int qrVersion,
        String passwordHint,
        Integer attemptsLeft,
        String sessionId,
        String message,
        Instant expiresAt,
        String replica,
        boolean simulated) {

    public enum Status {
        STARTING, PENDING, PASSWORD_REQUIRED, AUTHORIZING, AUTHORIZED, EXPIRED, CANCELLED, FAILED;

        public boolean terminal() {
            return this == AUTHORIZED || this == EXPIRED || this == CANCELLED || this == FAILED;
        }
    }

    public static LoginState starting(String token, String owner, Instant expiresAt, String replica,
                                      boolean simulated) {
        return new LoginState(token, owner, Status.STARTING, null, 0, null, null, null, null, expiresAt, replica,
                simulated);
    }

    public LoginState pending(String qrCode, int qrVersion) {
        return new LoginState(token, owner, Status.PENDING, qrCode, qrVersion, null, null, null, null, expiresAt,
                replica, simulated);
    }

    public LoginState passwordRequired(String hint, int attempts, String why) {
        return new LoginState(token, owner, Status.PASSWORD_REQUIRED, null, qrVersion, hint, attempts, null, why,
                expiresAt, replica, simulated);
    }

    public LoginState authorizing() {
        return new LoginState(token, owner, Status.AUTHORIZING, null, qrVersion, null, null, null, null, expiresAt,
                replica, simulated);
    }

    public LoginState authorized(String sessionId) {
        return new LoginState(token, owner, Status.AUTHORIZED, null, qrVersion, null, null, sessionId, null,
                expiresAt, replica, simulated);
    }

    public LoginState ended(Status status, String message) {
        return new LoginState(token, owner, status, null, qrVersion, null, null, null, message, expiresAt, replica,
                simulated);
    }
}
