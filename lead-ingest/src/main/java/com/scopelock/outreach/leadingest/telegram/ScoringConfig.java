package com.scopelock.outreach.leadingest.telegram;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;

/**
 * How people in a Telegram export are scored (lead-ingest/README.md, "Scoring a Telegram export"). The phrase lists
 * and weights have their defaults in application.properties (a map cannot carry a default here).
 */
@ConfigMapping(prefix = "lead-ingest.scoring")
public interface ScoringConfig {

    /** Signal type → phrases (any language, case-insensitive, whole words; a trailing {@code *} = word prefix). */
    Map<String, List<String>> signals();

    /** Signal type → points per matching message towards supervisor_score (capped at 15). */
    Map<String, Integer> supervisorWeights();

    /** Signal type → points per matching message towards hustler_score (capped at 15). */
    Map<String, Integer> hustlerWeights();

    /** A score at or above this makes the profile supervisor, hustler or both; below both: unknown. */
    @WithDefault("6")
    int profileThreshold();

    /** People with fewer matching messages than this are not leads. */
    @WithDefault("1")
    int minMatchingMessages();

    /** matching_messages per lead, the latest first. */
    @WithDefault("5")
    int maxMatchingMessages();

    /** sample_messages per lead (the latest distinct matching texts). */
    @WithDefault("3")
    int maxSampleMessages();

    /** A snippet or sample is cut to this many characters. */
    @WithDefault("200")
    int snippetLength();

    /** groups per lead and chats in its links, most messages first. */
    @WithDefault("50")
    int maxGroups();

    /** People a lead's links name as replied to / from, most replies first. */
    @WithDefault("100")
    int maxReplyLinks();

    /**
     * Team members: Mission Deck login → Telegram user id. Never leads; linked to the chats they post in. The
     * importing member is a team member too (their id is the export's {@code personal_information.user_id}).
     */
    Map<String, Long> teamMembers();

    /** A sender whose display name ends with one of these (case-insensitive) is taken for a bot and skipped. */
    @WithDefault("bot")
    List<String> botNameSuffixes();
}
