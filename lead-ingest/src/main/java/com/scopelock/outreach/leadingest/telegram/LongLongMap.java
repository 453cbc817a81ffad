package com.scopelock.outreach.leadingest.telegram;

import java.util.Arrays;

/** message id → sender id for one chat, open addressing on primitives (a million messages ≈ 32 MB, not ~80). */
final class LongLongMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys = new long[1024];
    private long[] values = new long[1024];
    private int size;

    LongLongMap() {
        Arrays.fill(keys, EMPTY);
    }

    void put(long key, long value) {
        if (key == EMPTY) {
            return;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int i = slot(keys, key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    /** The value, or {@code missing}. */
    long get(long key, long missing) {
        int i = slot(keys, key);
        return keys[i] == key ? values[i] : missing;
    }

    private static int slot(long[] keys, long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(keys, oldKeys[j]);
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
