package com.scopelock.outreach.rules;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the e-mail addresses, links, {@code @handles} and phone numbers of a text, normalised for comparison.
 * A hand-written scanner, linear in the length of the text (each character is looked at a bounded number of
 * times, no backtracking, no recursion): it runs over whatever a model or a person wrote.
 *
 * <p>What counts: an e-mail is {@code local@domain.tld}; a link starts with {@code scheme://} or {@code www.}
 * and runs to the next space, quote or angle bracket, or is a bare domain ending in a common top-level domain
 * ({@code t.me/x}, {@code scopelock-jobs.xyz}); a handle is {@code @} plus 2–32 letters, digits or underscores
 * not preceded by a word character, dot or {@code @}; a phone number is an optional {@code +} and 7–15 digits
 * with spaces, dots, dashes or brackets between them (ISO dates are not phone numbers).
 */
public final class ContactScanner {
    static final Set<String> TLDS = Set.of("com", "net", "org", "io", "ai", "me", "app", "dev", "co", "xyz", "gg",
            "ly", "link", "info", "biz", "ru", "uk", "de", "fr", "tk", "to", "site", "online", "club", "top", "pro",
            "tech", "store", "shop", "bot", "so", "sh", "cc", "us", "eu", "in", "tv", "fm", "gl", "vc", "pw", "click",
            "live", "ws");
    private static final int MAX_LABEL = 63;
    private static final int MIN_HANDLE = 2;
    private static final int MAX_HANDLE = 32;
    private static final int MIN_PHONE_DIGITS = 7;
    private static final int MAX_PHONE_DIGITS = 15;

    private ContactScanner() {
    }

    /** The contacts of one text, each kind normalised (lower case; links without scheme, www. and trailing punctuation; phone digits). */
    public record Contacts(Set<String> emails, Set<String> links, Set<String> handles, Set<String> phones) {
        public boolean isEmpty() {
            return emails.isEmpty() && links.isEmpty() && handles.isEmpty() && phones.isEmpty();
        }

        /** What this text has that {@code allowed} lacks, described for a person; null when nothing. */
        public String firstNotIn(Contacts allowed) {
            if (!allowed.emails.containsAll(emails)) {
                return "an e-mail address";
            }
            if (!allowed.links.containsAll(links)) {
                return "a link";
            }
            if (!allowed.handles.containsAll(handles)) {
                return "an @handle";
            }
            if (!allowed.phones.containsAll(phones)) {
                return "a phone number";
            }
            return null;
        }
    }

    public static Contacts scan(String text) {
        String s = text == null ? "" : text;
        Set<String> emails = new LinkedHashSet<>();
        Set<String> links = new LinkedHashSet<>();
        Set<String> handles = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        int i = 0;
        while (i < s.length()) {
            if (isChunkBreak(s.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < s.length() && !isChunkBreak(s.charAt(end))) {
                end++;
            }
            chunk(s, i, end, emails, links, handles);
            i = end;
        }
        phones(s, phones);
        return new Contacts(Set.copyOf(emails), Set.copyOf(links), Set.copyOf(handles), Set.copyOf(phones));
    }

    // ------------------------------------------------------------------------------------------ e-mails, links, handles

    /** One run without spaces, quotes or angle brackets: e-mails first, then links and handles in what is left. */
    private static void chunk(String s, int from, int to, Set<String> emails, Set<String> links, Set<String> handles) {
        int segment = from;
        int at = indexOf(s, '@', from, to);
        while (at >= 0) {
            int[] email = email(s, Math.max(segment, previous(s, '@', from, at) + 1), at, to);
            if (email != null) {
                emails.add(s.substring(email[0], email[1]).toLowerCase(Locale.ROOT));
                linksAndHandles(s, segment, email[0], links, handles);
                segment = email[1];
                at = indexOf(s, '@', segment, to);
            } else {
                at = indexOf(s, '@', at + 1, to);
            }
        }
        linksAndHandles(s, segment, to, links, handles);
    }

    /** {@code [start, end)} of the e-mail around the {@code @} at {@code at}, or null. */
    private static int[] email(String s, int floor, int at, int to) {
        int start = at;
        while (start > floor && isLocalChar(s.charAt(start - 1))) {
            start--;
        }
        if (start == at) {
            return null;
        }
        int end = at + 1;
        while (end < to && isHostChar(s.charAt(end))) {
            end++;
        }
        while (end > at + 1 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        String domain = s.substring(at + 1, end);
        int dot = domain.indexOf('.');
        if (dot <= 0 || domain.contains("..")) {
            return null;
        }
        return new int[] {start, end};
    }

    private static void linksAndHandles(String s, int from, int to, Set<String> links, Set<String> handles) {
        if (from >= to) {
            return;
        }
        int url = urlStart(s, from, to);
        int plainEnd = url < 0 ? to : url;
        bareDomains(s, from, plainEnd, links);
        handles(s, from, plainEnd, handles);
        if (url >= 0) {
            links.add(normalizeLink(s.substring(url, to)));
            handles(s, url, to, handles);
        }
    }

    /** Where {@code scheme://} or {@code www.} starts a link in {@code [from, to)}; -1 if nowhere. */
    private static int urlStart(String s, int from, int to) {
        int best = -1;
        int sep = indexOf(s, "://", from, to);
        if (sep >= 0) {
            int runStart = sep;
            while (runStart > from && isSchemeChar(s.charAt(runStart - 1))) {
                runStart--;
            }
            for (int j = runStart; j < sep; j++) {
                if (isAsciiLetter(s.charAt(j)) && (j == 0 || !isWordChar(s.charAt(j - 1)))) {
                    best = j;
                    break;
                }
            }
        }
        int limit = best < 0 ? to : best;
        for (int j = from; j + 4 <= limit; j++) {
            if (s.regionMatches(true, j, "www.", 0, 4) && (j == 0 || !isWordChar(s.charAt(j - 1)))) {
                return j;
            }
        }
        return best;
    }

    /** Bare domains ending in a known top-level domain, with the path that follows them. */
    private static void bareDomains(String s, int from, int to, Set<String> links) {
        int i = from;
        while (i < to) {
            if (!isHostChar(s.charAt(i))) {
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < to && isHostChar(s.charAt(runEnd))) {
                runEnd++;
            }
            i = domainsInRun(s, i, runEnd, to, links);
        }
    }

    /**
     * The labels of one run of letters, digits, dots and dashes; each maximal valid label sequence ending in a TLD.
     * Returns where scanning goes on: after the run, or after the path when a domain ends the run with {@code /}.
     */
    private static int domainsInRun(String s, int from, int runEnd, int to, Set<String> links) {
        int labelStart = from;
        int streakStart = -1;
        int candidateEnd = -1;
        int labels = 0;
        for (int j = from; j <= runEnd; j++) {
            if (j < runEnd && s.charAt(j) != '.') {
                continue;
            }
            boolean valid = validLabel(s, labelStart, j);
            if (valid) {
                if (streakStart < 0) {
                    streakStart = labelStart;
                    labels = 0;
                }
                labels++;
                if (labels >= 2 && TLDS.contains(s.substring(labelStart, j).toLowerCase(Locale.ROOT))) {
                    candidateEnd = j;
                }
            }
            if (!valid || j == runEnd) {
                if (candidateEnd >= 0) {
                    int end = candidateEnd;
                    boolean path = end == runEnd && end < to && s.charAt(end) == '/';
                    links.add(normalizeLink(s.substring(streakStart, path ? to : end)));
                    if (path) {
                        return to;
                    }
                }
                streakStart = -1;
                candidateEnd = -1;
            }
            labelStart = j + 1;
        }
        return runEnd;
    }

    private static boolean validLabel(String s, int from, int to) {
        int length = to - from;
        return length >= 1 && length <= MAX_LABEL && s.charAt(from) != '-' && s.charAt(to - 1) != '-';
    }

    private static void handles(String s, int from, int to, Set<String> handles) {
        for (int at = indexOf(s, '@', from, to); at >= 0; at = indexOf(s, '@', at + 1, to)) {
            if (at > 0 && (isWordChar(s.charAt(at - 1)) || s.charAt(at - 1) == '.' || s.charAt(at - 1) == '@')) {
                continue;
            }
            int end = at + 1;
            while (end < s.length() && isWordChar(s.charAt(end)) && end - at - 1 <= MAX_HANDLE) {
                end++;
            }
            int length = end - at - 1;
            if (length >= MIN_HANDLE && length <= MAX_HANDLE) {
                handles.add(s.substring(at, end).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Lower case, without scheme, {@code www.} and trailing punctuation or slashes. */
    public static String normalizeLink(String link) {
        String l = link.toLowerCase(Locale.ROOT);
        int sep = l.indexOf("://");
        if (sep > 0 && isAsciiLetter(l.charAt(0)) && allSchemeChars(l, sep)) {
            l = l.substring(sep + 3);
        }
        if (l.startsWith("www.")) {
            l = l.substring(4);
        }
        int end = l.length();
        while (end > 0 && ".,;:!?)]}'\"/".indexOf(l.charAt(end - 1)) >= 0) {
            end--;
        }
        return l.substring(0, end);
    }

    private static boolean allSchemeChars(String s, int to) {
        for (int j = 0; j < to; j++) {
            if (!isSchemeChar(s.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ phone numbers

    /**
     * An optional {@code +}, a digit not preceded by a word character or {@code +}, at least five of digits,
     * spaces and {@code ().-}, and a last digit not followed by a word character. One pass: a run that yields no
     * number is skipped as a whole.
     */
    private static void phones(String s, Set<String> phones) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int digit = c == '+' ? i + 1 : i;
            boolean start = digit < s.length() && isDigit(s.charAt(digit))
                    && (i == 0 || !(isWordChar(s.charAt(i - 1)) || s.charAt(i - 1) == '+'));
            if (!start) {
                i++;
                continue;
            }
            int runEnd = digit + 1;
            while (runEnd < s.length() && isPhoneChar(s.charAt(runEnd))) {
                runEnd++;
            }
            int last = -1;
            for (int j = runEnd - 1; j > digit; j--) {
                if (isDigit(s.charAt(j)) && (j + 1 == runEnd ? runEnd >= s.length() || !isWordChar(s.charAt(runEnd))
                        : !isDigit(s.charAt(j + 1)))) {
                    last = j;
                    break;
                }
            }
            if (last - digit - 1 >= 5) {
                String digits = phoneDigits(s, i, last + 1);
                if (digits != null) {
                    phones.add(digits);
                }
                i = last + 1;
            } else {
                i = runEnd;
            }
        }
    }

    private static String phoneDigits(String s, int from, int to) {
        StringBuilder digits = new StringBuilder();
        int run = 0;
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            if (isDigit(c)) {
                digits.append(c);
                run++;
            } else {
                if (c == '-' && run >= 4 && isIsoDate(s, j - 4, s.length())) {
                    return null;
                }
                run = 0;
            }
        }
        return digits.length() >= MIN_PHONE_DIGITS && digits.length() <= MAX_PHONE_DIGITS ? digits.toString() : null;
    }

    /** {@code dddd-dd-dd} at {@code at} (it may run past the candidate: a date cut by a letter is still a date). */
    private static boolean isIsoDate(String s, int at, int to) {
        if (at + 10 > to) {
            return false;
        }
        for (int k = 0; k < 10; k++) {
            char c = s.charAt(at + k);
            boolean ok = k == 4 || k == 7 ? c == '-' : isDigit(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------ characters

    /** {@code c} inside {@code [from, to)} only: never searches past {@code to} (that would make the scan quadratic). */
    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** {@code needle} inside {@code [from, to)} only: never searches past {@code to}. */
    private static int indexOf(String s, String needle, int from, int to) {
        for (int i = from; i + needle.length() <= to; i++) {
            if (s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private static int previous(String s, char c, int floor, int before) {
        for (int i = before - 1; i >= floor; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return floor - 1;
    }

    private static boolean isChunkBreak(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '<' || c == '>' || c == '"' || c == '\'';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isWordChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    }

    private static boolean isHostChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '-' || c == '.';
    }

    private static boolean isLocalChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isSchemeChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '+' || c == '.' || c == '-';
    }

    private static boolean isPhoneChar(char c) {
        return isDigit(c) || c == ' ' || c == '\t' || c == '\n' || c == '(' || c == ')' || c == '.' || c == '-';
    }
}
