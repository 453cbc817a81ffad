package com.scopelock.outreach.telegram.sim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated Telegram's world, stored as {@code world.json} in the world directory and shared by every
 * process that opens that directory (see {@link SimWorldStore}). Plain mutable data for Jackson.
 */
public final class SimWorld {
    public String label = "SIMULATED TELEGRAM WORLD";
    /** Incremented by every change. */
    public long version;
    public long nextUserId = 5_000_000_001L;
    public long nextSeq = 1;
    /** How often a pending QR login's link changes (Telegram: about 30 s). */
    public long qrRotationMillis = 30_000;
    /** Network loss: requests needing the network hang until it is back. */
    public boolean networkDown;
    public Map<Long, User> users = new TreeMap<>();
    public List<Chat> chats = new ArrayList<>();
    public List<Message> messages = new ArrayList<>();
    public Map<String, Session> sessions = new TreeMap<>();
    public Map<String, QrLogin> qrLogins = new TreeMap<>();

    /** A Telegram user; an account (someone who can log in) has a phone number. */
    public static final class User {
        public long id;
        public String firstName = "";
        public String lastName = "";
        public String username = "";
        public String phone = "";
        /** SHA-256 (hex) of the 2FA password, or null without 2FA. */
        public String passwordSha256;
        public String passwordHint = "";
        /** Requests of this account's clients fail with 429 until then. */
        public long floodUntilMillis;

        @JsonIgnore
        public boolean isAccount() {
            return phone != null && !phone.isEmpty();
        }
    }

    /** A private chat as one account sees it: chat id = the other user's id, as in TDLib. */
    public static final class Chat {
        public long ownerUserId;
        public long chatId;
        public long peerUserId;
        public String title = "";
    }

    public static final class Message {
        public long seq;
        public long ownerUserId;
        public long chatId;
        public long id;
        public long senderUserId;
        public boolean outgoing;
        public long date;
        public String text = "";
    }

    /** A logged-in device of an account; revoked from the phone or by logOut. */
    public static final class Session {
        public String sessionId;
        public long userId;
        public long createdAtMillis;
        public String deviceModel = "";
        public boolean revoked;
    }

    /** A QR login waiting for a phone to scan its current link. */
    public static final class QrLogin {
        public String loginId;
        public long createdAtMillis;
        public long rotationMillis;
        public Long scannedByUserId;
    }

    User user(long id) {
        return users.get(id);
    }

    User accountByPhoneOrId(String phoneOrId) {
        String wanted = phoneOrId.replaceAll("[^0-9]", "");
        for (User user : users.values()) {
            if (user.isAccount() && (user.phone.replaceAll("[^0-9]", "").equals(wanted)
                    || Long.toString(user.id).equals(phoneOrId.trim()))) {
                return user;
            }
        }
        throw new IllegalArgumentException("SIMULATED TELEGRAM: no account " + phoneOrId);
    }

    Chat chat(long ownerUserId, long chatId) {
        for (Chat chat : chats) {
            if (chat.ownerUserId == ownerUserId && chat.chatId == chatId) {
                return chat;
            }
        }
        return null;
    }

    List<Message> messagesOf(long ownerUserId, long chatId) {
        List<Message> result = new ArrayList<>();
        for (Message message : messages) {
            if (message.ownerUserId == ownerUserId && message.chatId == chatId) {
                result.add(message);
            }
        }
        return result;
    }
}
