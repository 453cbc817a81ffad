package com.scopelock.outreach.rules;

/**
 * Flattening of untrusted text (lead and reply data) before it goes into a prompt or a template: one line,
 * control, format, line- and paragraph-separator characters become spaces, angle brackets are replaced (nothing
 * can look like a prompt marker), runs of spaces collapse, and the result is capped in code points. Linear scans.
 */
public final class Text {
    private Text() {
    }

    /** One line, no control/format characters, no angle brackets; cut to {@code max} code points with "…". */
    public static String neutralise(String value, int max) {
        String flat = flatten(value);
        if (flat.codePointCount(0, flat.length()) > max) {
            return flat.substring(0, flat.offsetByCodePoints(0, max)) + "…";
        }
        return flat;
    }

    /** As {@link #neutralise} but cut without a mark and stripped again. */
    public static String cut(String value, int max) {
        String flat = flatten(value);
        if (flat.codePointCount(0, flat.length()) > max) {
            return flat.substring(0, flat.offsetByCodePoints(0, max)).strip();
        }
        return flat;
    }

    /** Removes every {@code (…)} part, e.g. "Liam (UBC raids)" → "Liam". */
    public static String withoutParentheses(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
                out.append(' ');
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return collapseSpaces(out).strip();
    }

    /** Removes control and format characters except the line feed; CR and CRLF become line feeds. */
    public static String withoutControls(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || !isInvisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String flatten(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isInvisible(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(' ');
            } else if (c == '<') {
                out.append('‹');
            } else if (c == '>') {
                out.append('›');
            } else {
                out.append(c);
            }
        }
        return collapseSpaces(out).strip();
    }

    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static String collapseSpaces(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' || out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
