package com.scopelock.outreach.api.graph;

import com.scopelock.outreach.api.config.FollowUpConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code U4_Outreach_Message} nodes, linked {@code (lead)-[:U4_HAS_MESSAGE]->(message)}. Every query carries the
 * owner in its MATCH: a member never reads, edits or marks another member's message (it is "not found").
 */
@ApplicationScoped
public class MessageRepository {
    static final String MESSAGE_COLUMNS = """
            RETURN m.slug AS id, c.slug AS contact_id, c.telegram_id AS telegram_id, m.version AS version,
                   m.message_text AS message_text, m.personalization_context AS personalization_context,
                   m.generated_by AS generated_by, m.generated_at AS generated_at, m.warning AS warning,
                   m.is_sent AS is_sent, m.sent_at AS sent_at, m.sent_by AS sent_by, m.edited AS edited,
                   m.owner AS owner, m.created_at AS created_at, m.updated_at AS updated_at,
                   m.variant AS variant, m.experiment AS experiment, c.analysis_data AS analysis_data""";

    /** A new version: 1 + the number of the owner's earlier messages for the lead (one query, so no gaps or twins). */
    static final String CREATE = """
            MATCH (c:U4_Contact_Lead {slug: $contact})
            OPTIONAL MATCH (c)-[:U4_HAS_MESSAGE]->(old:U4_Outreach_Message {owner: $owner})
            WITH c, count(old) AS previous
            CREATE (c)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {slug: $slug, message_text: $text, is_sent: false,
                    personalization_context: $context, generated_by: $generated_by, generated_at: $now,
                    owner: $owner, version: previous + 1, correlation_id: $correlation_id,
                    created_at: $now, created_by: $owner, updated_at: $now, updated_by: $owner})
            SET m.warning = $warning, m.variant = $variant, m.experiment = $experiment, m.hook_type = $hook_type
            """ + MESSAGE_COLUMNS;

    static final String OF_CONTACT = """
            MATCH (c:U4_Contact_Lead {slug: $contact})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {owner: $owner})
            """ + MESSAGE_COLUMNS + """

            ORDER BY m.version DESC""";

    /** The message an edit is about, if it is the owner's. */
    static final String FOR_EDIT = """
            MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {slug: $slug, owner: $owner})
            """ + MESSAGE_COLUMNS;

    /** Only while not sent: a mark-sent between the read and this write makes it match nothing (409). */
    static final String EDIT = """
            MATCH (c:U4_Contact_Lead)-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {slug: $slug, owner: $owner})
            WHERE m.is_sent = false
            SET m.message_text = $text, m.edited = true, m.updated_at = $now, m.updated_by = $owner
            """ + MESSAGE_COLUMNS;

    /**
     * Idempotent: the first call sets sent_at/sent_by and the lead's contacted_at; later calls keep them. The lead
     * becomes {@code contacted} only from {@code pending} (a later status such as replied stays). The first send of
     * a lead that has not replied opens its follow-up, due at {@code $follow_up_due}.
     */
    static final String MARK_SENT = """
            MATCH (c:U4_Contact_Lead {slug: $contact})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {slug: $slug, owner: $owner})
            WITH c, m, m.is_sent = true AS already
            SET m.is_sent = true, m.sent_at = coalesce(m.sent_at, $now), m.sent_by = coalesce(m.sent_by, $owner),
                m.updated_at = CASE WHEN already THEN m.updated_at ELSE $now END,
                m.updated_by = CASE WHEN already THEN m.updated_by ELSE $owner END,
                c.follow_up_due_at = CASE WHEN c.follow_up_status IS NULL AND c.replied_at IS NULL THEN $follow_up_due ELSE c.follow_up_due_at END,
                c.follow_up_set_by = CASE WHEN c.follow_up_status IS NULL AND c.replied_at IS NULL THEN $owner ELSE c.follow_up_set_by END,
                c.follow_up_status = CASE WHEN c.follow_up_status IS NULL AND c.replied_at IS NULL THEN 'open' ELSE c.follow_up_status END,
                c.stage_changed_at = CASE WHEN c.outreach_status = 'pending' THEN $now ELSE c.stage_changed_at END,
                c.stage_changed_by = CASE WHEN c.outreach_status = 'pending' THEN $owner ELSE c.stage_changed_by END,
                c.outreach_status = CASE WHEN c.outreach_status = 'pending' THEN 'contacted' ELSE c.outreach_status END,
                c.contacted_at = coalesce(c.contacted_at, $now),
                c.updated_at = CASE WHEN already THEN c.updated_at ELSE $now END,
                c.updated_by = CASE WHEN already THEN c.updated_by ELSE $owner END
            RETURN m.sent_at AS sent_at, c.outreach_status AS contact_status, already AS already""";

    /**
     * Takes back a "mark as sent" of the owner's own message made at or after {@code $since} (the undo window). The
     * lead goes back to {@code pending} only when this marking made it {@code contacted} (its contacted_at is this
     * message's sent_at) and nothing happened since (a reply keeps it {@code replied}); the follow-up that marking
     * opened (open, never set by a member) goes with it.
     */
    static final String UNDO_SENT = """
            MATCH (c:U4_Contact_Lead {slug: $contact})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message {slug: $slug, owner: $owner})
            WHERE m.is_sent = true AND m.sent_by = $owner AND m.sent_at >= $since
            WITH c, m, m.sent_at AS was,
                 c.contacted_at = m.sent_at AND c.follow_up_status = 'open' AND c.follow_up_set_at IS NULL AS opened_by_it
            SET c.outreach_status = CASE WHEN c.outreach_status = 'contacted' AND c.contacted_at = was
                                         THEN 'pending' ELSE c.outreach_status END,
                c.contacted_at = CASE WHEN c.contacted_at = was THEN null ELSE c.contacted_at END,
                c.updated_at = $now, c.updated_by = $owner,
                m.is_sent = false, m.sent_at = null, m.sent_by = null, m.updated_at = $now, m.updated_by = $owner
            WITH c, opened_by_it
            SET c.follow_up_status = CASE WHEN opened_by_it THEN null ELSE c.follow_up_status END,
                c.follow_up_due_at = CASE WHEN opened_by_it THEN null ELSE c.follow_up_due_at END,
                c.follow_up_set_by = CASE WHEN opened_by_it THEN null ELSE c.follow_up_set_by END
            RETURN c.outreach_status AS contact_status""";

    private final FalkorGraphClient graph;

    private final FollowUpConfig followUps;

    public MessageRepository(FalkorGraphClient graph, FollowUpConfig followUps) {
        this.graph = graph;
        this.followUps = followUps;
    }

    public record StoredMessage(String id, String contactId, long telegramId, int version, String messageText,
                                String personalizationContext, String generatedBy, String generatedAt,
                                String warning, boolean isSent, String sentAt, String sentBy, boolean edited,
                                String owner, String createdAt, String updatedAt, String variant, String experiment,
                                String analysisData) {
    }

    /**
     * {@code variant}/{@code experiment}: the prompt variant and its A/B experiment (null before variants existed);
     * {@code hookType}: the signal type of the hook the text was written from (null without a hook).
     */
    public record NewMessage(String slug, String contactSlug, String owner, String text, String contextJson,
                             String generatedBy, String warning, String correlationId, Instant now, String variant,
                             String experiment, String hookType) {
    }

    public Uni<Optional<StoredMessage>> create(NewMessage m) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("contact", m.contactSlug());
        params.put("owner", m.owner());
        params.put("slug", m.slug());
        params.put("text", m.text());
        params.put("context", m.contextJson());
        params.put("generated_by", m.generatedBy());
        params.put("warning", m.warning());
        params.put("correlation_id", m.correlationId());
        params.put("variant", m.variant());
        params.put("experiment", m.experiment());
        params.put("hook_type", m.hookType());
        params.put("now", GraphTime.format(m.now()));
        return graph.write(CREATE, params).map(MessageRepository::first);
    }

    public Uni<List<StoredMessage>> ofContact(String contactSlug, String owner) {
        return graph.read(OF_CONTACT, Map.of("contact", contactSlug, "owner", owner))
                .map(result -> result.all().stream().map(MessageRepository::message).toList());
    }

    public Uni<Optional<StoredMessage>> forEdit(String slug, String owner) {
        return graph.read(FOR_EDIT, Map.of("slug", slug, "owner", owner)).map(MessageRepository::first);
    }

    /** Empty when the message is not the owner's or was sent meanwhile. */
    public Uni<Optional<StoredMessage>> edit(String slug, String owner, String text, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("slug", slug);
        params.put("owner", owner);
        params.put("text", text);
        params.put("now", GraphTime.format(now));
        return graph.write(EDIT, params).map(MessageRepository::first);
    }

    public record SentResult(String sentAt, String contactStatus, boolean already) {
    }

    public Uni<Optional<SentResult>> markSent(String contactSlug, String messageSlug, String owner, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("contact", contactSlug);
        params.put("slug", messageSlug);
        params.put("owner", owner);
        params.put("now", GraphTime.format(now));
        params.put("follow_up_due", GraphTime.format(now.plus(followUps.defaultAfter())));
        return graph.write(MARK_SENT, params).map(result -> result.isEmpty() ? Optional.empty() : Optional.of(
                new SentResult(result.row(0).string("sent_at"), result.row(0).string("contact_status"),
                        result.row(0).bool("already"))));
    }

    /** Empty when there is no such sent message of the owner's marked since {@code since}. */
    public Uni<Optional<String>> undoSent(String contactSlug, String messageSlug, String owner, Instant since, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("contact", contactSlug);
        params.put("slug", messageSlug);
        params.put("owner", owner);
        params.put("since", GraphTime.format(since));
        params.put("now", GraphTime.format(now));
        return graph.write(UNDO_SENT, params).map(result -> result.isEmpty()
                ? Optional.empty() : Optional.of(result.row(0).string("contact_status")));
    }

    private static Optional<StoredMessage> first(GraphResult result) {
        return result.isEmpty() ? Optional.empty() : Optional.of(message(result.row(0)));
    }

    private static StoredMessage message(GraphResult.Row row) {
        return new StoredMessage(row.string("id"), row.string("contact_id"), row.number("telegram_id"),
                (int) row.number("version"), row.string("message_text"), row.string("personalization_context"),
                row.string("generated_by"), row.string("generated_at"), row.string("warning"), row.bool("is_sent"),
                row.string("sent_at"), row.string("sent_by"), row.bool("edited"), row.string("owner"),
                row.string("created_at"), row.string("updated_at"), row.string("variant"), row.string("experiment"),
                row.string("analysis_data"));
    }
}
