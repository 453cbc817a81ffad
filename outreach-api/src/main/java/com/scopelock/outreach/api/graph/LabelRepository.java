package com.scopelock.outreach.api.graph;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reply labels on {@code U4_Telegram_Reply}: the generator's label, the member's correction (kept as a
 * {@code U4_Label_Correction} node: who, when, old → new) and the do-not-contact suggestion a negative label
 * leaves for the member to confirm. Every member query carries the owner in its MATCH.
 */
@ApplicationScoped
public class LabelRepository {

    /**
     * The generator's label. A label for a reply not stored yet (it overtook it) leaves a placeholder that the
     * reply fills in. A member's correction is kept: a label delivered again does not overwrite it.
     */
    static final String STORE = """
            MERGE (r:U4_Telegram_Reply {slug: $reply})
            ON CREATE SET r.owner = $owner, r.placeholder = true, r.created_at = $now, r.created_by = 'message-generator'
            WITH r
            WHERE r.owner = $owner
            WITH r, coalesce(r.labeled_by, '') = 'member' AS kept
            SET r.sentiment = CASE WHEN kept THEN r.sentiment ELSE $sentiment END,
                r.intent = CASE WHEN kept THEN r.intent ELSE $intent END,
                r.labeled_by = CASE WHEN kept THEN r.labeled_by ELSE $labeled_by END,
                r.dnc_suggested = CASE WHEN kept THEN r.dnc_suggested ELSE $suggest END,
                r.updated_at = $now, r.updated_by = 'message-generator'
            RETURN r.slug AS reply_id, kept AS kept""";

    /** The member's correction, with the previous label kept on a correction node. */
    static final String CORRECT = """
            MATCH (r:U4_Telegram_Reply {slug: $reply, owner: $owner})-[:U4_PART_OF]->(conv:U4_Telegram_Conversation {owner: $owner})
            WITH r, conv, coalesce(r.sentiment, 'unknown') AS old_sentiment, coalesce(r.intent, 'none') AS old_intent,
                 coalesce(r.labeled_by, 'none') AS old_labeled_by
            CREATE (r)-[:U4_HAS_CORRECTION]->(x:U4_Label_Correction {slug: $slug, owner: $owner, reply: $reply,
                   corrected_by: $owner, corrected_at: $now, old_sentiment: old_sentiment, old_intent: old_intent,
                   old_labeled_by: old_labeled_by, new_sentiment: $sentiment, new_intent: $intent})
            SET r.sentiment = $sentiment, r.intent = $intent, r.labeled_by = 'member', r.dnc_suggested = $suggest,
                r.updated_at = $now, r.updated_by = $owner
            RETURN old_sentiment AS old_sentiment, old_intent AS old_intent, old_labeled_by AS old_labeled_by,
                   conv.contact_telegram_id AS contact""";

    /** The suggestion of one of the owner's replies, read before the lead's mark is tried. */
    static final String SUGGESTION = """
            MATCH (r:U4_Telegram_Reply {slug: $reply, owner: $owner})-[:U4_PART_OF]->(conv:U4_Telegram_Conversation {owner: $owner})
            RETURN coalesce(r.dnc_suggested, false) AS suggested, r.intent AS intent, conv.contact_telegram_id AS contact""";

    /** The member confirmed the suggestion: it is used up (the lead's mark is written by DoNotContactRepository). */
    static final String TAKE_SUGGESTION = """
            MATCH (r:U4_Telegram_Reply {slug: $reply, owner: $owner})-[:U4_PART_OF]->(conv:U4_Telegram_Conversation {owner: $owner})
            WITH r, conv, coalesce(r.dnc_suggested, false) AS suggested
            SET r.dnc_suggested = false,
                r.dnc_confirmed_by = CASE WHEN suggested THEN $owner ELSE r.dnc_confirmed_by END,
                r.dnc_confirmed_at = CASE WHEN suggested THEN $now ELSE r.dnc_confirmed_at END
            RETURN suggested AS suggested, r.intent AS intent, conv.contact_telegram_id AS contact""";

    private final FalkorGraphClient graph;

    public LabelRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    /** Present when the reply is the owner's; {@code kept} = a member's correction stays. */
    public Uni<Optional<Boolean>> store(String owner, String reply, String sentiment, String intent, String labeledBy,
                                        boolean suggest, String now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("owner", owner);
        p.put("reply", reply);
        p.put("sentiment", sentiment);
        p.put("intent", intent);
        p.put("labeled_by", labeledBy);
        p.put("suggest", suggest);
        p.put("now", now);
        return graph.write(STORE, p).map(r -> r.isEmpty() ? Optional.empty() : Optional.of(r.row(0).bool("kept")));
    }

    public record Previous(String sentiment, String intent, String labeledBy, long contactTelegramId) {
    }

    /** Empty when the reply is not one of the owner's conversations. */
    public Uni<Optional<Previous>> correct(String owner, String reply, String correctionSlug, String sentiment,
                                           String intent, boolean suggest, String now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("owner", owner);
        p.put("reply", reply);
        p.put("slug", correctionSlug);
        p.put("sentiment", sentiment);
        p.put("intent", intent);
        p.put("suggest", suggest);
        p.put("now", now);
        return graph.write(CORRECT, p).map(r -> r.isEmpty() ? Optional.empty()
                : Optional.of(new Previous(r.row(0).string("old_sentiment"), r.row(0).string("old_intent"),
                        r.row(0).string("old_labeled_by"), r.row(0).number("contact"))));
    }

    public record Suggestion(boolean suggested, String intent, long contactTelegramId) {
    }

    /** Empty when the reply is not one of the owner's conversations. */
    public Uni<Optional<Suggestion>> suggestion(String owner, String reply) {
        return graph.read(SUGGESTION, Map.of("owner", owner, "reply", reply)).map(LabelRepository::suggestion);
    }

    public Uni<Optional<Suggestion>> takeSuggestion(String owner, String reply, String now) {
        return graph.write(TAKE_SUGGESTION, Map.of("owner", owner, "reply", reply, "now", now))
                .map(LabelRepository::suggestion);
    }

    private static Optional<Suggestion> suggestion(GraphResult r) {
        return r.isEmpty() ? Optional.empty() : Optional.of(new Suggestion(r.row(0).bool("suggested"),
                r.row(0).string("intent"), r.row(0).number("contact")));
    }
}
