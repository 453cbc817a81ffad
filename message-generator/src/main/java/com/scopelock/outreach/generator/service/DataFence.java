package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.rules.Text;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Puts untrusted text (lead and reply data) into a prompt as data. Each block is delimited by marker lines
 * carrying a random nonce the data cannot know; every value is one line, control, format and bidi characters
 * removed, angle brackets replaced (so nothing inside can look like a marker), length-capped, and written as a
 * JSON string literal (quotes and backslashes escaped).
 */
public final class DataFence {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<String> nonces;

    public DataFence() {
        this(() -> {
            byte[] bytes = new byte[8];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }

    public DataFence(Supplier<String> nonces) {
        this.nonces = nonces;
    }

    /** A fresh block for one prompt. */
    public Block open(String label) {
        return new Block(label.toUpperCase(Locale.ROOT), nonces.get());
    }

    /** A JSON string literal of the neutralised value. */
    public static String quoted(String value, int max) {
        String flat = Text.neutralise(value, max);
        StringBuilder out = new StringBuilder(flat.length() + 2).append('"');
        for (char c : flat.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** The marker lines of one block. */
    public record Block(String label, String nonce) {
        public String begin() {
            return "<<<" + label + " " + nonce + ">>>";
        }

        public String end() {
            return "<<<END " + label + " " + nonce + ">>>";
        }

        /** Wraps already neutralised lines. */
        public String wrap(String lines) {
            return begin() + "\n" + lines.strip() + "\n" + end();
        }
    }
}
