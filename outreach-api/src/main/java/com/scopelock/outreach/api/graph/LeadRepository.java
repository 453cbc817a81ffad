package com.scopelock.outreach.api.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.api.config.GraphConfig;
import com.scopelock.outreach.api.service.TelegramLinks;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.rules.Slugs;
import com.scopelock.outreach.model.LeadData;
import com.scopelock.outreach.model.LeadUpserted;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code U4_Contact_Lead} nodes: upserts from lead-ingest, the queue's reads, one lead with its messages. */
@ApplicationScoped
public class LeadRepository {
    static final String UPSERT = """
            UNWIND $leads AS l
            OPTIONAL MATCH (s:U4_Suppressed {id_hash: l.id_hash})
            WITH l, s WHERE s IS NULL
            MERGE (c:U4_Contact_Lead {telegram_id: l.telegram_id})
            ON CREATE SET c.slug = l.slug, c.outreach_status = 'pending', c.created_at = $now, c.created_by = l.actor
            SET c.name = l.name, c.chat_type = l.chat_type, c.profile_type = l.profile_type,
                c.supervisor_score = l.supervisor_score, c.hustler_score = l.hustler_score,
                c.total_score = l.total_score, c.top_signals = l.top_signals, c.sample_messages = l.sample_messages,
                c.matching_messages = l.matching_messages, c.analysis_data = l.analysis_data, c.username = l.username,
                c.updated_at = $now, c.updated_by = l.actor
            RETURN count(c) AS written""";

    /** Pending leads per (profile type, total score, holder of a valid claim or null). */
    static final String PENDING_COUNTS = """
            MATCH (c:U4_Contact_Lead) WHERE c.outreach_status = 'pending'
            RETURN c.profile_type AS profile_type, c.total_score AS total_score,
                   CASE WHEN c.claimed_until > $now THEN c.claimed_by ELSE null END AS claimant, count(c) AS leads""";

    static final String QUEUE_COLUMNS = """
            RETURN c.slug AS id, c.name AS name, c.telegram_id AS telegram_id, c.profile_type AS profile_type,
                   c.supervisor_score AS supervisor_score, c.hustler_score AS hustler_score,
                   c.total_score AS total_score, c.top_signals AS top_signals,
                   c.sample_messages AS sample_messages, c.outreach_status AS outreach_status,
                   c.claimed_by AS claimed_by, c.claimed_until AS claimed_until""";

    /**
     * One score bucket of the queue, served by the total_score index; ties broken by telegram_id. Unless
     * {@code $show_claimed}, leads whose valid claim belongs to another member than {@code $owner} are left out.
     */
    static final String PENDING_WITH_SCORE = """
            MATCH (c:U4_Contact_Lead)
            WHERE c.total_score = $score AND c.outreach_status = 'pending'
              AND (size($profile_types) = 0 OR c.profile_type IN $profile_types)
              AND ($show_claimed OR c.claimed_by IS NULL OR c.claimed_by = $owner OR NOT c.claimed_until > $now)
            """ + QUEUE_COLUMNS + """

            ORDER BY c.telegram_id ASC SKIP $skip LIMIT $limit""";

    static final String BY_SLUG = """
            MATCH (c:U4_Contact_Lead {slug: $slug})
            """ + QUEUE_COLUMNS + """
            , c.chat_type AS chat_type, c.matching_messages AS matching_messages, c.analysis_data AS analysis_data,
                   c.contacted_at AS contacted_at, c.replied_at AS replied_at, c.created_at AS created_at,
                   c.updated_at AS updated_at, c.username AS username, c.stage_changed_at AS stage_changed_at,
                   c.stage_changed_by AS stage_changed_by, c.stage_note AS stage_note, c.not_now_until AS not_now_until,
                   c.tags AS tags, c.follow_up_due_at AS follow_up_due_at, c.follow_up_status AS follow_up_status""";

    private static final int TOP_SIGNALS = 3;
    private static final int SAMPLE_MESSAGES = 3;

    private final FalkorGraphClient graph;
    private final GraphConfig config;

    public LeadRepository(FalkorGraphClient graph, GraphConfig config) {
        this.graph = graph;
        this.config = config;
    }

    /**
     * MERGE on telegram_id: profile data is updated, status, claims and contact dates are never reset. A lead
     * erased while do-not-contact (its hashed id suppressed) is skipped.
     */
    public Uni<Integer> upsert(List<LeadUpserted> events) {
        List<List<LeadUpserted>> chunks = new ArrayList<>();
        for (int i = 0; i < events.size(); i += config.upsertChunkSize()) {
            chunks.add(events.subList(i, Math.min(events.size(), i + config.upsertChunkSize())));
        }
        String now = Instant.now().toString();
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(chunk -> graph.write(UPSERT,
                        Map.of("now", now, "leads", chunk.stream().map(LeadRepository::row).toList())))
                .collect().in(() -> new int[1], (sum, result) -> sum[0] += (int) result.row(0).number("written"))
                .map(sum -> sum[0]);
    }

    /** Pending leads counted per profile type, total score and holder of a claim valid at {@code now}. */
    public Uni<List<PendingBucket>> pendingCounts(Instant now) {
        return graph.read(PENDING_COUNTS, Map.of("now", GraphTime.format(now))).map(result -> {
            List<PendingBucket> buckets = new ArrayList<>();
            for (GraphResult.Row row : result.all()) {
                buckets.add(new PendingBucket(row.string("profile_type"), (int) row.number("total_score"),
                        row.string("claimant"), row.number("leads")));
            }
            return buckets;
        });
    }

    public record PendingBucket(String profileType, int totalScore, String claimant, long leads) {
    }

    /**
     * @param owner       the member asking; leads claimed by others (claim valid at {@code now}) are left out
     *                    unless {@code showClaimed}
     */
    public Uni<List<QueueLead>> pendingWithScore(int score, List<String> profileTypes, String owner, boolean showClaimed,
                                                 Instant now, long skip, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("score", score);
        params.put("profile_types", profileTypes);
        params.put("show_claimed", showClaimed);
        params.put("owner", owner);
        params.put("now", GraphTime.format(now));
        params.put("skip", skip);
        params.put("limit", limit);
        String nowText = GraphTime.format(now);
        return graph.read(PENDING_WITH_SCORE, params)
                .map(result -> result.all().stream().map(row -> queueLead(row, nowText)).toList());
    }

    public Uni<Optional<LeadDetail>> bySlug(String slug) {
        String now = GraphTime.format(Instant.now());
        return graph.read(BY_SLUG, Map.of("slug", slug)).map(result -> result.isEmpty()
                ? Optional.empty()
                : Optional.of(detail(result.row(0), now)));
    }

    /** {@code claimedBy}/{@code claimedUntil} are null unless a claim is valid now. */
    public record QueueLead(String id, String name, long telegramId, String profileType, int supervisorScore,
                            int hustlerScore, int totalScore, List<String> topSignals, List<String> sampleMessages,
                            String outreachStatus, String claimedBy, String claimedUntil) {
    }

    public record LeadDetail(QueueLead lead, String chatType, JsonNode matchingMessages, JsonNode analysisData,
                             String contactedAt, String repliedAt, String createdAt, String updatedAt,
                             PipelineState pipeline) {
    }

    /** Where the lead stands in the team's pipeline (issue 12): stage, tags, follow-up. */
    public record PipelineState(String stage, String stageChangedAt, String stageChangedBy, String note,
                                String notNowUntil, List<String> tags, String username, String followUpDueAt,
                                String followUpStatus) {
    }

    private static QueueLead queueLead(GraphResult.Row row, String now) {
        String claimedBy = row.string("claimed_by");
        String claimedUntil = row.string("claimed_until");
        boolean valid = claimedBy != null && claimedUntil != null && claimedUntil.compareTo(now) > 0;
        return new QueueLead(row.string("id"), row.string("name"), row.number("telegram_id"),
                row.string("profile_type"), (int) row.number("supervisor_score"), (int) row.number("hustler_score"),
                (int) row.number("total_score"), stringList(row.string("top_signals")),
                stringList(row.string("sample_messages")), row.string("outreach_status"),
                valid ? claimedBy : null, valid ? claimedUntil : null);
    }

    private static LeadDetail detail(GraphResult.Row row, String now) {
        return new LeadDetail(queueLead(row, now), row.string("chat_type"), json(row.string("matching_messages")),
                json(row.string("analysis_data")), row.string("contacted_at"), row.string("replied_at"),
                row.string("created_at"), row.string("updated_at"), new PipelineState(
                        com.scopelock.outreach.rules.Pipeline.stage(row.string("outreach_status")),
                        row.string("stage_changed_at"), row.string("stage_changed_by"), row.string("stage_note"),
                        row.string("not_now_until"), ContactListRepository.tags(row.string("tags")),
                        row.string("username"), row.string("follow_up_due_at"), row.string("follow_up_status")));
    }

    private static Map<String, Object> row(LeadUpserted event) {
        LeadData lead = event.lead();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("telegram_id", lead.telegramId());
        row.put("id_hash", ContactDataRepository.idHash(lead.telegramId()));
        row.put("slug", Slugs.contact(lead.name(), lead.telegramId()));
        row.put("actor", event.owner() == null ? "lead-ingest" : event.owner());
        row.put("name", lead.name());
        row.put("chat_type", lead.chatType());
        row.put("profile_type", lead.profileType());
        row.put("supervisor_score", lead.supervisorScore());
        row.put("hustler_score", lead.hustlerScore());
        row.put("total_score", lead.totalScore());
        row.put("top_signals", JsonCodec.encode(topSignals(lead)));
        row.put("sample_messages", JsonCodec.encode(sampleMessages(lead)));
        row.put("matching_messages", JsonCodec.encode(lead.matchingMessages()));
        row.put("analysis_data", JsonCodec.encode(lead.analysisData()));
        JsonNode username = lead.analysisData() == null ? null : lead.analysisData().get("username");
        row.put("username", username != null && username.isTextual() ? TelegramLinks.username(username.textValue()) : null);
        return row;
    }

    /** Signals by strength (ties by name), from the analysis' {@code signals}, else from the matching messages. */
    static List<String> topSignals(LeadData lead) {
        JsonNode signals = lead.analysisData() == null ? null : lead.analysisData().get("signals");
        if (signals != null && signals.isObject() && !signals.isEmpty()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(signals.properties());
            entries.sort(Comparator.<Map.Entry<String, JsonNode>>comparingDouble(e -> -e.getValue().asDouble())
                    .thenComparing(Map.Entry::getKey));
            return entries.stream().limit(TOP_SIGNALS).map(Map.Entry::getKey).toList();
        }
        return lead.matchingMessages().stream().map(m -> m.signalType()).distinct().limit(TOP_SIGNALS).toList();
    }

    static List<String> sampleMessages(LeadData lead) {
        JsonNode samples = lead.analysisData() == null ? null : lead.analysisData().get("sample_messages");
        List<String> out = new ArrayList<>();
        if (samples != null && samples.isArray()) {
            samples.forEach(s -> {
                if (s.isTextual() && !out.contains(s.textValue()) && out.size() < SAMPLE_MESSAGES) {
                    out.add(s.textValue());
                }
            });
        }
        lead.matchingMessages().forEach(m -> {
            if (!out.contains(m.textSnippet()) && out.size() < SAMPLE_MESSAGES) {
                out.add(m.textSnippet());
            }
        });
        return out;
    }

    private static List<String> stringList(String json) {
        if (json == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        json(json).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode json(String json) {
        try {
            return json == null ? JsonCodec.mapper().nullNode() : JsonCodec.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
