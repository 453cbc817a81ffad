package com.scopelock.outreach.model;

import java.util.List;

/**
 * Who a lead knows, as far as the imported history shows: the chats the lead is in and the people the lead
 * exchanged replies with. Optional on {@link LeadUpserted} ({@code links}: absent or null = nothing known), so
 * records written before it existed still decode. Replies are counted in both directions between the pair.
 *
 * @param chats   the chats the lead is a member of (an export's chats, or a lead file's {@code groups})
 * @param replies the people the lead exchanged replies with: another lead, or a team member when
 *                {@code teamMember} is set
 */
public record LeadLinks(List<ChatLink> chats, List<ReplyLink> replies) {

    /**
     * @param key         the chat's identity: {@code group:<name>} for a group or channel (an export's, or a lead
     *                    file's group name), {@code telegram:<user id>} for a personal chat
     * @param messages    the lead's messages in the chat (0 when unknown)
     * @param teamMembers the team members (Mission Deck logins) known to be in the chat
     */
    public record ChatLink(String key, String name, String type, int messages, List<String> teamMembers) {
    }

    /** Replies between the lead and one other person, both directions together. */
    public record ReplyLink(long telegramId, String teamMember, int count) {
    }
}
