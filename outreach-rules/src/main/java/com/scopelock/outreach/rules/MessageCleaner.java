package com.scopelock.outreach.rules;

import com.google.re2j.Pattern;

/**
 * Cleans what a model wrote into the message it meant: drops a preamble line ("Here is a message:"), a label
 * ("Message:"), a trailing note or offer to adjust, code fences and surrounding quotes, control characters.
 * The patterns run on RE2/J (linear time, no backtracking): the text is untrusted.
 */
public final class MessageCleaner {
    private static final Pattern PREAMBLE = Pattern.compile(
            "^(?:(?:sure|certainly|okay|ok|absolutely|of course|great)[,!.]?\\s+)?"
                    + "(?:here(?:'s|’s| is| are)|below is|this is)\\b[^\\n]{0,120}?:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile(
            "^(?:\\*\\*)?(?:message|draft|outreach message|telegram message|final message)(?:\\*\\*)?\\s*:\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSTAMBLE = Pattern.compile(
            "\\n\\s*(?:---+\\s*)?(?:\\(?note:|let me know if you(?:'d| would)? like|feel free to (?:adjust|tweak|edit)"
                    + "|i hope this|this message (?:references|is under)|character count)[^\\n]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFUSAL = Pattern.compile(
            "^(?:i can(?:'|’)?t|i cannot|i(?:'|’)m sorry|sorry, (?:but )?i|as an ai|i(?:'|’)m not able|i am unable)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE_LANGUAGE = Pattern.compile("^[a-z]*\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    /** A real answer needs two or three passes; a bound keeps nested quotes ("""…""") from costing n passes. */
    private static final int MAX_PASSES = 8;
    private static final String[][] QUOTES = {{"\"", "\""}, {"“", "”"}, {"'", "'"}, {"‘", "’"}, {"«", "»"},
            {"„", "“"}, {"```", "```"}, {"`", "`"}};

    private MessageCleaner() {
    }

    /** Trim, strip preamble/postamble, code fences and surrounding quotes, control characters. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Text.withoutControls(raw).strip();
        String before;
        int passes = 0;
        do {
            before = text;
            text = PREAMBLE.matcher(text).replaceFirst("").strip();
            text = LABEL.matcher(text).replaceFirst("").strip();
            text = POSTAMBLE.matcher(text).replaceFirst("").strip();
            text = stripQuotes(text);
        } while (!text.equals(before) && ++passes < MAX_PASSES);
        return BLANK_LINES.matcher(text).replaceAll("\n\n");
    }

    /** A refusal ("I can't…", "As an AI…") instead of a message. */
    public static boolean isRefusal(String cleaned) {
        return REFUSAL.matcher(cleaned).find();
    }

    private static String stripQuotes(String text) {
        for (String[] pair : QUOTES) {
            if (text.length() >= pair[0].length() + pair[1].length()
                    && text.startsWith(pair[0]) && text.endsWith(pair[1])) {
                String inner = text.substring(pair[0].length(), text.length() - pair[1].length());
                return pair[0].equals("```") ? FENCE_LANGUAGE.matcher(inner).replaceFirst("").strip() : inner.strip();
            }
        }
        return text;
    }
}
