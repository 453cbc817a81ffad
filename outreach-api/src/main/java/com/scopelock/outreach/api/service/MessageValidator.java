package com.scopelock.outreach.api.service;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a first message before anyone sees it. A copy of message-generator's {@code MessageValidator} (pure JDK,
 * self-contained on purpose): outreach-api applies the same rules to a team member's edit
 * (PUT /api/outreach/messages/{id}, allowed context = the lead's own data) and re-checks the generator's answer.
 * Keep the two copies in step.
 *
 * <p>Cleans: trims, drops a preamble line ("Here is a message:"), a trailing offer to adjust
 * ("Let me know if you'd like changes"), code fences and surrounding quotes, control characters.
 * Rejects (never cuts): empty text, a refusal, more than {@code maxChars} characters, and any URL, e-mail,
 * {@code @handle} or phone number that the allowed context (the prompt, or the lead's own data) does not
 * contain.
 */
public final class MessageValidator {

    /** The outcome: {@code text} is the cleaned message when valid; {@code rejection} says why not. */
    public record Result(String text, String rejection) {
        public boolean valid() {
            return rejection == null;
        }

        static Result ok(String text) {
            return new Result(text, null);
        }

        static Result rejected(String text, String why) {
            return new Result(text, why);
        }
    }

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
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n]]");
    private static final String[][] QUOTES = {{"\"", "\""}, {"“", "”"}, {"'", "'"}, {"‘", "’"}, {"«", "»"},
            {"„", "“"}, {"```", "```"}, {"`", "`"}};

    static final Pattern URL = Pattern.compile(
            "(?i)(?:\\b[a-z][a-z0-9+.-]*://|\\bwww\\.)[^\\s<>\"']+"
                    + "|\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:com|net|org|io|ai|me|app|dev|co|xyz|gg"
                    + "|ly|link|info|biz|ru|uk|de|fr|tk|to|site|online|club|top|pro|tech|store|shop|bot|so|sh|cc|us"
                    + "|eu|in|tv|fm|gl|vc|pw|click|live|ws)\\b(?:/[^\\s]*)?");
    static final Pattern EMAIL = Pattern.compile("(?i)\\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+\\b");
    static final Pattern HANDLE = Pattern.compile("(?<![\\w.@])@[A-Za-z0-9_]{2,32}\\b");
    static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d[\\d\\s().-]{5,}\\d(?!\\w)");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final int maxChars;

    public MessageValidator(int maxChars) {
        this.maxChars = maxChars;
    }

    public int maxChars() {
        return maxChars;
    }

    /**
     * @param raw            the text as the model (or a person) wrote it
     * @param allowedContext text whose links, handles and numbers may appear (the prompt; for an edit, the
     *                       lead's own data); null means none may appear
     */
    public Result validate(String raw, String allowedContext) {
        String text = clean(raw);
        if (text.isEmpty()) {
            return Result.rejected(text, "the output was empty");
        }
        if (REFUSAL.matcher(text).find()) {
            return Result.rejected(text, "the output was a refusal, not a message");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) {
            return Result.rejected(text, "the output was too long (" + length + " characters, max " + maxChars + ")");
        }
        String context = allowedContext == null ? "" : allowedContext;
        String foreign = firstForeign(text, context);
        if (foreign != null) {
            return Result.rejected(text, "the output contained " + foreign + " that the prompt did not contain");
        }
        return Result.ok(text);
    }

    /**
     * outreach-api only: a team member's own edit. Trimmed and control characters removed, but nothing else is
     * stripped (a person's "Here is…" or "I'm sorry to bother you" is meant) and refusals are not checked; then
     * the same rules: not empty, at most {@code maxChars}, no link, e-mail, handle or phone number that
     * {@code allowedContext} (the lead's own data) lacks.
     */
    public Result validateEdit(String raw, String allowedContext) {
        String text = raw == null ? "" : CONTROL.matcher(raw.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
        if (text.isEmpty()) {
            return Result.rejected(text, "the text is empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxChars) {
            return Result.rejected(text, "the text is too long (" + length + " characters, max " + maxChars + ")");
        }
        String foreign = firstForeign(text, allowedContext == null ? "" : allowedContext);
        if (foreign != null) {
            return Result.rejected(text, "the text contains " + foreign + " that is not in the lead's own data");
        }
        return Result.ok(text);
    }

    /** Trim, strip preamble/postamble, code fences and surrounding quotes, control characters. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = CONTROL.matcher(raw.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
        String before;
        do {
            before = text;
            text = PREAMBLE.matcher(text).replaceFirst("").strip();
            text = LABEL.matcher(text).replaceFirst("").strip();
            text = POSTAMBLE.matcher(text).replaceFirst("").strip();
            text = stripQuotes(text);
        } while (!text.equals(before));
        return text.replaceAll("\\n{3,}", "\n\n");
    }

    private static String stripQuotes(String text) {
        for (String[] pair : QUOTES) {
            if (text.length() >= pair[0].length() + pair[1].length()
                    && text.startsWith(pair[0]) && text.endsWith(pair[1])) {
                String inner = text.substring(pair[0].length(), text.length() - pair[1].length());
                return pair[0].equals("```") ? inner.replaceFirst("^[a-z]*\\n", "").strip() : inner.strip();
            }
        }
        return text;
    }

    /** Describes the first link, e-mail, handle or phone number of {@code text} that {@code context} lacks. */
    private static String firstForeign(String text, String context) {
        String withoutEmails = EMAIL.matcher(text).replaceAll(" ");
        String contextWithoutEmails = EMAIL.matcher(context).replaceAll(" ");
        if (!subset(EMAIL, text, context, s -> s.toLowerCase(Locale.ROOT))) {
            return "an e-mail address";
        }
        if (!subset(URL, withoutEmails, contextWithoutEmails, MessageValidator::normalizeUrl)) {
            return "a link";
        }
        if (!subset(HANDLE, withoutEmails, contextWithoutEmails, s -> s.toLowerCase(Locale.ROOT))) {
            return "an @handle";
        }
        if (!subset(PHONE, text, context, MessageValidator::phoneDigits)) {
            return "a phone number";
        }
        return null;
    }

    private static boolean subset(Pattern pattern, String text, String context, Function<String, String> norm) {
        Set<String> found = tokens(pattern, text, norm);
        if (found.isEmpty()) {
            return true;
        }
        return tokens(pattern, context, norm).containsAll(found);
    }

    private static Set<String> tokens(Pattern pattern, String text, Function<String, String> norm) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String token = norm.apply(m.group());
            if (token != null && !token.isEmpty()) {
                out.add(token);
            }
        }
        return out;
    }

    private static String normalizeUrl(String url) {
        return url.toLowerCase(Locale.ROOT)
                .replaceFirst("^[a-z][a-z0-9+.-]*://", "")
                .replaceFirst("^www\\.", "")
                .replaceAll("[.,;:!?)\\]}'\"/]+$", "");
    }

    /** Digits of a phone-like run; null (ignored) for dates and runs too short or too long to be a number. */
    private static String phoneDigits(String candidate) {
        if (ISO_DATE.matcher(candidate).find()) {
            return null;
        }
        String digits = candidate.replaceAll("\\D", "");
        return digits.length() >= 7 && digits.length() <= 15 ? digits : null;
    }
}
