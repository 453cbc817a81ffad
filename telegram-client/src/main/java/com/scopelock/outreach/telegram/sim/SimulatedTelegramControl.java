package com.scopelock.outreach.telegram.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Drives the simulated Telegram's world from tests or an e2e / bench harness — in this process or any other
 * opening the same world directory ({@link SimulatedTelegramCli} is the command-line form). Every change is
 * atomic across processes; running clients pick it up within one poll interval.
 */
public final class SimulatedTelegramControl {
    private final SimWorldStore store;
    private final LongSupplier clock;

    public SimulatedTelegramControl(Path worldDir) {
        this(worldDir, System::currentTimeMillis);
    }

    SimulatedTelegramControl(Path worldDir, LongSupplier clock) {
        this.store = new SimWorldStore(worldDir);
        this.clock = clock;
    }

    /** A pending QR login with the link it shows right now. */
    public record PendingQr(String loginId, String link, long ageMillis, boolean scanned) {
    }

    /** A session (logged-in device) of an account. */
    public record SessionInfo(String sessionId, long userId, Instant createdAt, String deviceModel,
                              boolean revoked) {
        @Override
        public String toString() {
            return "SessionInfo[sessionId=" + sessionId.substring(0, Math.min(6, sessionId.length()))
                    + "…, userId=" + userId + ", revoked=" + revoked + "]";
        }
    }

    /** Where a message landed: the chat (as the account sees it) and the message id. */
    public record MessageRef(long accountUserId, long chatId, long messageId) {
    }

    /** Creates an account (a user who can log in by QR); returns its user id. */
    public long addAccount(String phone, String firstName, String lastName, String username) {
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("SIMULATED TELEGRAM: an account needs a phone number");
        }
        long id = store.update(w -> {
            SimWorld.User user = newUser(w, firstName, lastName, username);
            user.phone = phone;
            return user.id;
        });
        SimLog.info("account {0} created (user {1})", phone, id);
        return id;
    }

    /** Turns on 2FA for the account ({@code password} null turns it off). */
    public void setPassword(String account, String password, String hint) {
        store.update(w -> {
            SimWorld.User user = w.accountByPhoneOrId(account);
            user.passwordSha256 = password == null ? null : SimQr.sha256Hex(password);
            user.passwordHint = hint == null ? "" : hint;
            return null;
        });
        SimLog.info("2FA {0} for account {1}", password == null ? "off" : "on", account);
    }

    /** How often QR links change for logins started from now on (Telegram: ~30 s). */
    public void setQrRotation(Duration period) {
        store.update(w -> w.qrRotationMillis = Math.max(1, period.toMillis()));
    }

    public List<PendingQr> pendingQrLogins() {
        long now = clock.getAsLong();
        return store.read().qrLogins.values().stream()
                .map(l -> new PendingQr(l.loginId, SimQr.link(l, SimQr.epoch(l, now)), now - l.createdAtMillis,
                        l.scannedByUserId != null))
                .toList();
    }

    /**
     * The account's phone scans a QR code: {@code linkOrToken} must be the current (or the just previous) link of
     * a pending login. Returns the account's user id.
     */
    public long scan(String linkOrToken, String account) {
        String token = SimQr.tokenOf(linkOrToken);
        long now = clock.getAsLong();
        long userId = store.update(w -> {
            SimWorld.User user = w.accountByPhoneOrId(account);
            for (SimWorld.QrLogin login : w.qrLogins.values()) {
                long epoch = SimQr.epoch(login, now);
                if (login.scannedByUserId == null && (token.equals(SimQr.token(login, epoch))
                        || (epoch > 0 && token.equals(SimQr.token(login, epoch - 1))))) {
                    login.scannedByUserId = user.id;
                    return user.id;
                }
            }
            throw new IllegalArgumentException("SIMULATED TELEGRAM: QR token unknown, expired or already used");
        });
        SimLog.info("account {0} scanned a QR code", account);
        return userId;
    }

    /**
     * Makes sure the lead with this Telegram id exists (any imported lead can then act), setting the names and
     * username that are given (null or empty keeps what is there). Returns the id.
     */
    public long addLead(long telegramId, String firstName, String lastName, String username) {
        if (telegramId <= 0) {
            throw new IllegalArgumentException("SIMULATED TELEGRAM: a Telegram user id is a positive number");
        }
        store.update(w -> {
            SimWorld.User user = w.user(telegramId);
            if (user == null) {
                user = newUser(w, telegramId, firstName, lastName, username);
            } else {
                if (firstName != null && !firstName.isEmpty()) {
                    user.firstName = firstName;
                }
                if (lastName != null && !lastName.isEmpty()) {
                    user.lastName = lastName;
                }
                if (username != null && !username.isEmpty()) {
                    user.username = username;
                }
            }
            return null;
        });
        SimLog.info("lead {0} ready to act", telegramId);
        return telegramId;
    }

    /**
     * A lead writes to the account. {@code lead} is a Telegram user id or a username; a lead not in the world
     * yet is made on the spot (with exactly that id, so an imported lead's {@code telegram_id} works).
     */
    public MessageRef leadWrites(String account, String lead, String leadFirstName, String text) {
        return store.update(w -> {
            SimWorld.User owner = w.accountByPhoneOrId(account);
            SimWorld.User from = findOrCreateLead(w, lead, leadFirstName);
            return append(w, owner, from.id, from.id, false, text);
        });
    }

    /**
     * The account's owner writes in the private chat with user {@code chatId} from another device (their phone):
     * an outgoing message appears; the chat (and the user, as with {@link #leadWrites}) is made if new.
     */
    public MessageRef ownerWrites(String account, long chatId, String text) {
        return memberSends(account, Long.toString(chatId), text);
    }

    /**
     * The member's manual send: the account's owner sends {@code text} to the lead (Telegram id or username,
     * made on demand) from their own Telegram app, so an outgoing message appears in that chat — what the
     * reply monitor's sent detection looks for. Starts the chat when it is the first message.
     */
    public MessageRef memberSends(String account, String lead, String text) {
        return store.update(w -> {
            SimWorld.User owner = w.accountByPhoneOrId(account);
            SimWorld.User to = findOrCreateLead(w, lead, null);
            if (to.id == owner.id) {
                throw new IllegalArgumentException("SIMULATED TELEGRAM: an account cannot send to itself here");
            }
            return append(w, owner, to.id, owner.id, true, text);
        });
    }

    /** Revokes every active session of the account, as "Terminate session" on the phone. Returns the count. */
    public int revokeSessions(String account) {
        int count = store.update(w -> {
            long userId = w.accountByPhoneOrId(account).id;
            int n = 0;
            for (SimWorld.Session session : w.sessions.values()) {
                if (session.userId == userId && !session.revoked) {
                    session.revoked = true;
                    n++;
                }
            }
            return n;
        });
        SimLog.info("{0} session(s) of account {1} revoked from the phone", count, account);
        return count;
    }

    /** For the next {@code duration}, the account's read requests fail with 429 "retry after N". */
    public void floodWait(String account, Duration duration) {
        long until = clock.getAsLong() + duration.toMillis();
        store.update(w -> w.accountByPhoneOrId(account).floodUntilMillis = until);
        SimLog.info("FLOOD_WAIT {0} s for account {1}", duration.toSeconds(), account);
    }

    /** Network loss (true) or recovery (false) for every simulated client. */
    public void setNetworkDown(boolean down) {
        store.update(w -> w.networkDown = down);
        SimLog.info("network {0}", down ? "DOWN" : "up");
    }

    public List<SessionInfo> sessions(String account) {
        SimWorld world = store.read();
        long userId = world.accountByPhoneOrId(account).id;
        return world.sessions.values().stream().filter(s -> s.userId == userId)
                .map(s -> new SessionInfo(s.sessionId, s.userId, Instant.ofEpochMilli(s.createdAtMillis),
                        s.deviceModel, s.revoked))
                .toList();
    }

    /** A private copy of the whole world (for assertions and the CLI's {@code show}). */
    public SimWorld snapshot() {
        return store.read();
    }

    private static SimWorld.User newUser(SimWorld w, String firstName, String lastName, String username) {
        while (w.users.containsKey(w.nextUserId)) {
            w.nextUserId++; // a lead made with its own Telegram id may hold the next number
        }
        return newUser(w, w.nextUserId++, firstName, lastName, username);
    }

    private static SimWorld.User newUser(SimWorld w, long id, String firstName, String lastName, String username) {
        SimWorld.User user = new SimWorld.User();
        user.id = id;
        user.firstName = firstName == null ? "" : firstName;
        user.lastName = lastName == null ? "" : lastName;
        user.username = username == null ? "" : username;
        w.users.put(user.id, user);
        return user;
    }

    /** By Telegram id or username (a leading @ is ignored); made on demand, a numeric lead with exactly its id. */
    private static SimWorld.User findOrCreateLead(SimWorld w, String lead, String firstName) {
        String wanted = lead == null ? "" : lead.strip();
        if (wanted.startsWith("@")) {
            wanted = wanted.substring(1);
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("SIMULATED TELEGRAM: a lead is a Telegram user id or a username");
        }
        boolean numeric = wanted.chars().allMatch(c -> c >= '0' && c <= '9');
        if (numeric) {
            long id;
            try {
                id = Long.parseLong(wanted);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SIMULATED TELEGRAM: no Telegram user id " + wanted);
            }
            SimWorld.User user = w.user(id);
            if (user != null) {
                return user;
            }
            if (id <= 0) {
                throw new IllegalArgumentException("SIMULATED TELEGRAM: a Telegram user id is a positive number");
            }
            return newUser(w, id, firstName == null || firstName.isBlank() ? "Lead" : firstName, "", "");
        }
        for (SimWorld.User user : w.users.values()) {
            if (!user.username.isEmpty() && user.username.equalsIgnoreCase(wanted)) {
                return user;
            }
        }
        return newUser(w, firstName == null || firstName.isBlank() ? wanted : firstName, "", wanted);
    }

    private MessageRef append(SimWorld w, SimWorld.User owner, long chatId, long senderId, boolean outgoing,
                              String text) {
        SimWorld.Chat chat = w.chat(owner.id, chatId);
        if (chat == null) {
            SimWorld.User peer = w.user(chatId);
            chat = new SimWorld.Chat();
            chat.ownerUserId = owner.id;
            chat.chatId = chatId;
            chat.peerUserId = chatId;
            chat.title = (peer.firstName + " " + peer.lastName).trim();
            w.chats.add(chat);
        }
        long lastId = w.messagesOf(owner.id, chatId).stream().mapToLong(m -> m.id).max().orElse(0);
        SimWorld.Message message = new SimWorld.Message();
        message.seq = w.nextSeq++;
        message.ownerUserId = owner.id;
        message.chatId = chatId;
        message.id = ((lastId >> 20) + 1) << 20; // TDLib's server message ids are multiples of 2^20
        message.senderUserId = senderId;
        message.outgoing = outgoing;
        message.date = clock.getAsLong() / 1000;
        message.text = text;
        w.messages.add(message);
        SimLog.info("{0} message {1} in chat {2} of user {3}", outgoing ? "outgoing" : "incoming", message.id,
                chatId, owner.id);
        return new MessageRef(owner.id, chatId, message.id);
    }
}
