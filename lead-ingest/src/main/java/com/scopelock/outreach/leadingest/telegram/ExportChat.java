package com.scopelock.outreach.leadingest.telegram;

import java.util.Set;
import java.util.TreeSet;

/** One chat of an export while it is read: its identity and the team members seen in it. */
final class ExportChat {
    long id;
    String name;
    String exportType;
    final Set<String> teamMembers = new TreeSet<>();
    /** message id → sender, for the replies of this chat; dropped when the chat has been read. */
    LongLongMap senders = new LongLongMap();

    boolean isBotChat() {
        return "bot_chat".equals(exportType);
    }

    boolean isSavedMessages() {
        return "saved_messages".equals(exportType);
    }

    /** The lead file's chat_type for Telegram Desktop's chat types. */
    String chatType() {
        if (exportType == null) {
            return "group";
        }
        if (exportType.equals("personal_chat") || exportType.equals("bot_chat")) {
            return "personal_chat";
        }
        return exportType.endsWith("channel") ? "channel" : "group";
    }

    /**
     * A group or channel by its name ({@code group:<name>}, as a lead file's {@code groups} name it, so both meet in
     * the graph; two chats of one name are taken for one); a personal chat by the other person's id.
     */
    String key() {
        return "personal_chat".equals(chatType()) ? "telegram:" + id : "group:" + displayName();
    }

    String displayName() {
        return name == null || name.isBlank() ? "chat " + id : name;
    }
}
