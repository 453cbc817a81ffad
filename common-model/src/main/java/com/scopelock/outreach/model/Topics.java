package com.scopelock.outreach.model;

import java.util.List;

/**
 * The Kafka topics of the suite. Channel names in every service equal these topic names.
 * Poison records of a topic go to {@code <topic>.dlq}.
 */
public final class Topics {
    public static final String LEAD_UPSERTS = "outreach.lead-upserts";
    public static final String GENERATION_REQUESTS = "outreach.generation-requests";
    public static final String GENERATED_MESSAGES = "outreach.generated-messages";
    public static final String WATCH = "outreach.watch";
    public static final String SESSION_GRANTS = "telegram.session-grants";
    public static final String SESSION_COMMANDS = "telegram.session-commands";
    public static final String SESSION_STATUS = "telegram.session-status";
    public static final String REPLIES = "outreach.replies";
    public static final String SENT_DETECTIONS = "outreach.sent-detections";
    public static final String REPLY_LABELS = "outreach.reply-labels";

    public static final String DLQ_SUFFIX = ".dlq";

    /** A topic with what the local stack and the Kubernetes manifests must create. */
    public record TopicSpec(String name, int partitions, boolean compacted) {
        public String deadLetterTopic() {
            return name + DLQ_SUFFIX;
        }
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(LEAD_UPSERTS, 6, false),
            new TopicSpec(GENERATION_REQUESTS, 3, false),
            new TopicSpec(GENERATED_MESSAGES, 3, false),
            new TopicSpec(WATCH, 3, true),
            new TopicSpec(SESSION_GRANTS, 3, true),
            new TopicSpec(SESSION_COMMANDS, 3, false),
            new TopicSpec(SESSION_STATUS, 3, false),
            new TopicSpec(REPLIES, 3, false),
            new TopicSpec(SENT_DETECTIONS, 3, false),
            new TopicSpec(REPLY_LABELS, 3, false));

    private Topics() {
    }
}
