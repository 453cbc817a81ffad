package com.scopelock.outreach.api.graph;

/** Node labels and relationship types: constants, never user data. */
public final class Labels {
    public static final String CONTACT_LEAD = "U4_Contact_Lead";
    public static final String OUTREACH_MESSAGE = "U4_Outreach_Message";
    public static final String TELEGRAM_SESSION = "U4_Telegram_Session";
    public static final String TELEGRAM_CONVERSATION = "U4_Telegram_Conversation";
    public static final String TELEGRAM_REPLY = "U4_Telegram_Reply";
    public static final String LABEL_CORRECTION = "U4_Label_Correction";
    public static final String CHAT = "U4_Chat";
    public static final String TEAM_MEMBER = "U4_Team_Member";
    public static final String LEAD_EVENT = "U4_Lead_Event";
    public static final String LEAD_NOTE = "U4_Lead_Note";
    public static final String SUPPRESSED = "U4_Suppressed";

    private Labels() {
    }
}
