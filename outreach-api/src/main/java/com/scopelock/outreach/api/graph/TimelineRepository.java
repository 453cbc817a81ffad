package com.scopelock.outreach.api.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.model.JsonCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead's timeline: the {@code U4_Lead_Event}s the API appended (stage, notes, tags, follow-ups) merged with what
 * the graph holds about the lead from before they existed or from the Kafka consumers — imported, generated
 * (version), sent or detected sent, replied, labelled, label corrected, rejected, do-not-contact. Texts of messages
 * and replies are not part of it (they stay their owner's); who and when are.
 */
@ApplicationScoped
public class TimelineRepository {
    static final String LEAD = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            RETURN c.created_at AS created_at, c.created_by AS created_by, c.do_not_contact_at AS dnc_at,
                   c.do_not_contact_by AS dnc_by, c.do_not_contact_reason AS dnc_reason, c.rejected_at AS rejected_at,
                   c.rejected_by AS rejected_by, c.rejected_reason AS rejected_reason,
                   c.do_not_contact_lifted_at AS lifted_at, c.do_not_contact_lifted_by AS lifted_by,
                   c.do_not_contact_lift_reason AS lift_reason""";

    static final String EVENTS = """
            MATCH (c:U4_Contact_Lead {slug: $slug})-[:U4_HAS_EVENT]->(e:U4_Lead_Event)
            RETURN e.at AS at, e.kind AS kind, e.actor AS actor, e.detail AS detail""";

    static final String MESSAGES = """
            MATCH (c:U4_Contact_Lead {slug: $slug})-[:U4_HAS_MESSAGE]->(m:U4_Outreach_Message)
            RETURN m.slug AS id, m.owner AS owner, m.version AS version, m.generated_at AS generated_at,
                   m.generated_by AS generated_by, m.sent_at AS sent_at, m.sent_by AS sent_by,
                   coalesce(m.sent_detected, false) AS detected""";

    static final String REPLIES = """
            MATCH (conv:U4_Telegram_Conversation)-[:U4_WITH]->(c:U4_Contact_Lead {slug: $slug})
            MATCH (r:U4_Telegram_Reply)-[:U4_PART_OF]->(conv)
            OPTIONAL MATCH (r)-[:U4_HAS_CORRECTION]->(x:U4_Label_Correction)
            RETURN r.slug AS id, conv.owner AS owner, r.received_at AS received_at, r.detected_at AS detected_at,
                   r.sentiment AS sentiment, r.intent AS intent, r.labeled_by AS labeled_by,
                   x.corrected_at AS corrected_at, x.corrected_by AS corrected_by, x.old_intent AS old_intent,
                   x.new_intent AS new_intent""";

    /** One member's appended events across leads, newest first (the actor index). */
    static final String BY_ACTOR = """
            MATCH (e:U4_Lead_Event {actor: $actor})
            RETURN e.at AS at, e.kind AS kind, e.lead AS lead, e.detail AS detail
            ORDER BY e.at DESC SKIP $skip LIMIT $limit""";

    private final FalkorGraphClient graph;

    public TimelineRepository(FalkorGraphClient graph) {
        this.graph = graph;
    }

    public record Event(String at, String kind, String actor, Map<String, Object> detail) {
    }

    /** In no particular order (the service sorts); empty when there is no such lead. */
    public Uni<Optional<List<Event>>> of(String slug) {
        Map<String, Object> p = Map.of("slug", slug);
        return graph.read(LEAD, p).chain(lead -> {
            if (lead.isEmpty()) {
                return Uni.createFrom().item(Optional.<List<Event>>empty());
            }
            List<Event> events = new ArrayList<>();
            fromLead(lead.row(0), events);
            return graph.read(EVENTS, p).invoke(r -> r.all().forEach(row -> events.add(new Event(row.string("at"),
                            row.string("kind"), row.string("actor"), json(row.string("detail"))))))
                    .chain(() -> graph.read(MESSAGES, p)).invoke(r -> r.all().forEach(row -> fromMessage(row, events)))
                    .chain(() -> graph.read(REPLIES, p)).invoke(r -> r.all().forEach(row -> fromReply(row, events)))
                    .map(ignored -> Optional.of(events));
        });
    }

    public record AuditEntry(String at, String kind, String contactId, Map<String, Object> detail) {
    }

    public Uni<List<AuditEntry>> byActor(String actor, long skip, int limit) {
        return graph.read(BY_ACTOR, Map.of("actor", actor, "skip", skip, "limit", limit)).map(r -> r.all().stream()
                .map(row -> new AuditEntry(row.string("at"), row.string("kind"), row.string("lead"),
                        json(row.string("detail")))).toList());
    }

    private static void fromLead(GraphResult.Row row, List<Event> events) {
        events.add(new Event(row.string("created_at"), "imported", row.string("created_by"), Map.of()));
        events.add(new Event(row.string("dnc_at"), "do_not_contact_set", row.string("dnc_by"),
                detail("reason", row.string("dnc_reason"))));
        events.add(new Event(row.string("lifted_at"), "do_not_contact_lifted", row.string("lifted_by"),
                detail("reason", row.string("lift_reason"))));
        events.add(new Event(row.string("rejected_at"), "rejected", row.string("rejected_by"),
                detail("reason", row.string("rejected_reason"))));
    }

    private static void fromMessage(GraphResult.Row row, List<Event> events) {
        Map<String, Object> d = detail("message_id", row.string("id"));
        d.put("version", row.optionalNumber("version"));
        d.put("generated_by", row.string("generated_by"));
        events.add(new Event(row.string("generated_at"), "generated", row.string("owner"), d));
        events.add(new Event(row.string("sent_at"), row.bool("detected") ? "detected_sent" : "sent",
                row.string("sent_by") == null ? row.string("owner") : row.string("sent_by"),
                detail("message_id", row.string("id"))));
    }

    private static void fromReply(GraphResult.Row row, List<Event> events) {
        Map<String, Object> replied = detail("reply_id", row.string("id"));
        events.add(new Event(row.string("received_at"), "replied", row.string("owner"), replied));
        if (row.string("intent") != null) {
            Map<String, Object> label = detail("reply_id", row.string("id"));
            label.put("sentiment", row.string("sentiment"));
            label.put("intent", row.string("intent"));
            events.add(new Event(row.string("detected_at"), "labelled",
                    "member".equals(row.string("labeled_by")) ? row.string("owner") : "message-generator", label));
        }
        if (row.string("corrected_at") != null) {
            Map<String, Object> corrected = detail("reply_id", row.string("id"));
            corrected.put("old_intent", row.string("old_intent"));
            corrected.put("new_intent", row.string("new_intent"));
            events.add(new Event(row.string("corrected_at"), "label_corrected", row.string("corrected_by"), corrected));
        }
    }

    private static Map<String, Object> detail(String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (value != null) {
            d.put(key, value);
        }
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            JsonNode node = JsonCodec.mapper().readTree(text);
            return JsonCodec.mapper().convertValue(node, Map.class);
        } catch (IOException e) {
            return Map.of("unreadable", true);
        }
    }
}
