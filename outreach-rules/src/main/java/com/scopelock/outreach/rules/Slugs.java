package com.scopelock.outreach.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

/** The readable ids of the graph: contact, message and reply slugs. */
public final class Slugs {
    private static final int MAX_NAME_PART = 40;

    private Slugs() {
    }

    /** {@code contact-<name in kebab-case ASCII, ≤ 40>-<telegram_id>}, e.g. contact-liam-7944133972. */
    public static String contact(String name, long telegramId) {
        String ascii = kebab(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD));
        if (ascii.length() > MAX_NAME_PART) {
            ascii = trimDashes(ascii.substring(0, MAX_NAME_PART));
        }
        return ascii.isEmpty() ? "contact-" + telegramId : "contact-" + ascii + "-" + telegramId;
    }

    /** {@code message-<lead part of the contact slug>-<8 random hex>}, e.g. message-liam-7944133972-3f9a1c2e. */
    public static String message(String contactSlug) {
        String base = contactSlug.startsWith("contact-") ? contactSlug.substring("contact-".length()) : contactSlug;
        return "message-" + base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code reply-<conversation slug>-<telegram message id>}. */
    public static String reply(String conversation, long telegramMessageId) {
        return "reply-" + conversation + "-" + telegramMessageId;
    }

    /** Marks dropped, lower case; ASCII letters and digits kept, every other run one dash; no dash at either end. */
    private static String kebab(String decomposed) {
        StringBuilder unmarked = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                unmarked.append(c);
            }
        }
        String lower = unmarked.toString().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        }
        return trimDashes(out.toString());
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
