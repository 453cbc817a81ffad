package com.scopelock.outreach.replymonitor.service;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares the member's outgoing Telegram message with the generated outreach text, tolerant of small edits:
 * both are normalised (Unicode NFKC, lower case, punctuation and symbols removed, whitespace collapsed), then
 * compared by Levenshtein ratio {@code 1 - distance / max(length)} on the normalised strings.
 */
public final class TextMatcher {
    private TextMatcher() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        // one linear pass (no regular expression over message text): punctuation, symbols and whitespace runs → one space
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (isPunctuationOrSymbol(c) || Character.isWhitespace(c)) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString().strip();
    }

    private static boolean isPunctuationOrSymbol(int c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** 0..1; 1 for texts equal after normalisation, 0 when either is empty. */
    public static double similarity(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0.0;
        }
        if (x.equals(y)) {
            return 1.0;
        }
        int max = Math.max(x.length(), y.length());
        int min = Math.min(x.length(), y.length());
        if ((double) min / max < 0.5) {
            return (double) min / max * 0.5; // cannot be close: skip the quadratic distance
        }
        return 1.0 - (double) levenshtein(x, y) / max;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
