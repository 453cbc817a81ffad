package com.scopelock.outreach.telegram.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The simulated QR links: {@code tg://login?token=SIMULATED_…}, a new token every rotation period. */
final class SimQr {
    static final String LINK_PREFIX = "tg://login?token=";

    private SimQr() {
    }

    static long epoch(SimWorld.QrLogin login, long nowMillis) {
        return Math.max(0, (nowMillis - login.createdAtMillis) / Math.max(1, login.rotationMillis));
    }

    static String token(SimWorld.QrLogin login, long epoch) {
        byte[] digest = sha256(login.loginId + ":" + epoch);
        return "SIMULATED_" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
    }

    static String link(SimWorld.QrLogin login, long epoch) {
        return LINK_PREFIX + token(login, epoch);
    }

    /** The token of a link or the token itself. */
    static String tokenOf(String linkOrToken) {
        String s = linkOrToken.trim();
        return s.startsWith(LINK_PREFIX) ? s.substring(LINK_PREFIX.length()) : s;
    }

    static String sha256Hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : sha256(text)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
