package com.scopelock.outreach.leadingest.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds which signal types a text mentions, in one pass over the text (Aho-Corasick: time linear in the text plus
 * the matches, whatever the phrases), so a hostile message cannot make it slow. Phrases and text are compared in
 * lower case. A phrase matches whole words: where the phrase begins or ends with a letter or digit, the text must
 * not continue with one there (so {@code earn} does not match "learn"), except for scripts written without spaces
 * (CJK, kana). A phrase ending in {@code *} is a word prefix: {@code raid*} matches "raid", "raided", "raiding".
 */
final class PhraseMatcher {
    private record Phrase(int signal, int length, boolean checkStart, boolean checkEnd) {
    }

    private final Map<Long, Integer> edges = new HashMap<>();
    private final List<List<Phrase>> outputs = new ArrayList<>();
    private int[] fail;
    /** The ASCII part of {@link #edges} as arrays (node × char → child + 1; 0 = none): no boxing on the hot path. */
    private int[][] ascii;
    private Phrase[][] out;

    /** @param phrasesBySignal index = signal number (at most 64), the phrases of that signal */
    PhraseMatcher(List<List<String>> phrasesBySignal) {
        if (phrasesBySignal.size() > Long.SIZE) {
            throw new IllegalArgumentException("at most " + Long.SIZE + " signal types");
        }
        outputs.add(new ArrayList<>());
        for (int signal = 0; signal < phrasesBySignal.size(); signal++) {
            for (String raw : phrasesBySignal.get(signal)) {
                add(signal, raw.strip().toLowerCase(Locale.ROOT));
            }
        }
        buildFailureLinks();
        ascii = new int[outputs.size()][];
        edges.forEach((key, child) -> {
            int node = (int) (key >>> 16);
            char c = (char) (key & 0xFFFF);
            if (c < 128) {
                if (ascii[node] == null) {
                    ascii[node] = new int[128];
                }
                ascii[node][c] = child + 1;
            }
        });
        out = outputs.stream().map(list -> list.toArray(Phrase[]::new)).toArray(Phrase[][]::new);
    }

    private int child(int node, char c) {
        if (c < 128) {
            int[] row = ascii[node];
            return row == null ? -1 : row[c] - 1;
        }
        Integer next = edges.get(key(node, c));
        return next == null ? -1 : next;
    }

    private void add(int signal, String phrase) {
        boolean prefix = phrase.endsWith("*");
        String text = prefix ? phrase.substring(0, phrase.length() - 1).strip() : phrase;
        if (text.isEmpty()) {
            return;
        }
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            long key = key(node, text.charAt(i));
            Integer next = edges.get(key);
            if (next == null) {
                next = outputs.size();
                outputs.add(new ArrayList<>());
                edges.put(key, next);
            }
            node = next;
        }
        outputs.get(node).add(new Phrase(signal, text.length(), isWordChar(text.charAt(0)),
                !prefix && isWordChar(text.charAt(text.length() - 1))));
    }

    private void buildFailureLinks() {
        fail = new int[outputs.size()];
        Map<Integer, List<long[]>> children = new HashMap<>();
        edges.forEach((key, child) -> children.computeIfAbsent((int) (key >>> 16), k -> new ArrayList<>())
                .add(new long[]{key & 0xFFFF, child}));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (long[] edge : children.getOrDefault(0, List.of())) {
            queue.add((int) edge[1]);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (long[] edge : children.getOrDefault(node, List.of())) {
                char c = (char) edge[0];
                int child = (int) edge[1];
                int f = fail[node];
                while (f != 0 && !edges.containsKey(key(f, c))) {
                    f = fail[f];
                }
                Integer target = edges.get(key(f, c));
                fail[child] = target != null && target != child ? target : 0;
                outputs.get(child).addAll(outputs.get(fail[child]));
                queue.add(child);
            }
        }
    }

    /** The signals (bit i = signal i) whose phrases occur in {@code text}. */
    long signals(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        long found = 0;
        int node = 0;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int next;
            while ((next = child(node, c)) < 0 && node != 0) {
                node = fail[node];
            }
            node = Math.max(next, 0);
            for (Phrase p : out[node]) {
                int start = i - p.length + 1;
                boolean startOk = !p.checkStart || start == 0 || !isWordChar(lower.charAt(start - 1));
                boolean endOk = !p.checkEnd || i + 1 == lower.length() || !isWordChar(lower.charAt(i + 1));
                if (startOk && endOk) {
                    found |= 1L << p.signal;
                }
            }
        }
        return found;
    }

    private static long key(int node, char c) {
        return ((long) node << 16) | c;
    }

    /** Letters and digits of scripts that separate words with spaces. */
    static boolean isWordChar(char c) {
        if (!Character.isLetterOrDigit(c) || Character.isIdeographic(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HIRAGANA && script != Character.UnicodeScript.KATAKANA
                && script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.THAI;
    }
}
