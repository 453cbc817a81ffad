package com.scopelock.outreach.leadingest.service;

import org.apache.kafka.common.errors.RecordTooLargeException;

/** The Kafka record-size rule: one lead too large for a record is rejected on its own, the rest is imported. */
final class RecordSize {
    private RecordSize() {
    }

    /** UTF-8 length of {@code s} without encoding it. */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static Rejection tooLarge(int index, long telegramId, int bytes, int maxBytes) {
        return new Rejection(index, telegramId, "(record)", "is " + bytes + " bytes as a lead-upsert record, at most "
                + maxBytes + " bytes fit a Kafka record; shorten its largest fields");
    }

    static Rejection refusedByKafka(int index, long telegramId) {
        return new Rejection(index, telegramId, "(record)",
                "Kafka refused the record as too large for the topic; shorten its largest fields");
    }

    static boolean isTooLarge(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
