package com.scopelock.outreach.leadingest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * Lead files generated while they are read (never whole in memory), for the hostile-input tests:
 * {@link #hugeProfileTypes} (each record's profile_type is {@code bytes} long) and {@link #oneDuplicatedLead}.
 */
final class HostileFiles {
    private HostileFiles() {
    }

    /** {@code records} leads whose profile_type is {@code valueChars} characters of 'p' (invalid: not an enum value). */
    static InputStream hugeProfileTypes(int records, int valueChars) {
        String value = "p".repeat(valueChars);
        return array(records, i -> "{\"telegram_id\":" + (900_000 + i) + ",\"name\":\"Huge " + i
                + "\",\"profile_type\":\"" + value + "\",\"supervisor_score\":1,\"hustler_score\":2}");
    }

    /** The same valid lead {@code records} times. */
    static InputStream oneDuplicatedLead(int records) {
        String lead = "{\"telegram_id\":777,\"name\":\"Same\",\"profile_type\":\"hustler\",\"supervisor_score\":1,"
                + "\"hustler_score\":2,\"chat_type\":\"group\"}";
        return array(records, i -> lead);
    }

    /** {@code records} records that all fail validation (a score out of range). */
    static InputStream invalidRecords(int records) {
        return array(records, i -> "{\"telegram_id\":" + (800_000 + i) + ",\"name\":\"Bad\",\"supervisor_score\":99,"
                + "\"hustler_score\":2}");
    }

    static InputStream array(int records, IntFunction<String> record) {
        return new InputStream() {
            private int next = -1; // -1: the opening bracket
            private byte[] chunk = new byte[0];
            private int pos;

            private boolean fill() {
                if (next > records) {
                    return false;
                }
                String text = next == -1 ? "[" : next == records ? "]" : (next > 0 ? "," : "") + record.apply(next);
                next++;
                chunk = text.getBytes(StandardCharsets.UTF_8);
                pos = 0;
                return true;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                while (pos >= chunk.length) {
                    if (!fill()) {
                        return -1;
                    }
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
