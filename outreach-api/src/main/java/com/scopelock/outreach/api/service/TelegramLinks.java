package com.scopelock.outreach.api.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The "Open in Telegram" link: {@code https://t.me/<username>?text=<url-encoded text>} opens the chat with the
 * text prefilled; the human still presses Send. Only a well-formed public username (5–32 letters, digits,
 * underscores, starting with a letter; a leading @ is dropped) makes a link; anything else gives null.
 */
public final class TelegramLinks {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{4,31}");

    private TelegramLinks() {
    }

    /** A well-formed public username without its leading @, else null. */
    public static String username(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.strip();
        if (name.startsWith("@")) {
            name = name.substring(1);
        }
        return USERNAME.matcher(name).matches() ? name : null;
    }

    public static String prefilled(String username, String text) {
        String name = username(username);
        if (name == null) {
            return null;
        }
        String encoded = URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
        return "https://t.me/" + name + "?text=" + encoded;
    }
}
