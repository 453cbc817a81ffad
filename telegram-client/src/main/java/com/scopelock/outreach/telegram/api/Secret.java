package com.scopelock.outreach.telegram.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * A secret value (api_hash, 2FA password, database encryption key). Its {@link #toString()} never shows the
 * value; call {@link #reveal()} only where the value is handed to TDLib.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret value");
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    /** A binary secret (e.g. a database encryption key), kept as base64 — TDLib's JSON form of {@code bytes}. */
    public static Secret ofBytes(byte[] bytes) {
        return of(Base64.getEncoder().encodeToString(bytes));
    }

    public static Secret empty() {
        return EMPTY;
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // deliberately uninformative
    }

    @Override
    public String toString() {
        return isEmpty() ? "Secret[empty]" : "Secret[***]";
    }
}
