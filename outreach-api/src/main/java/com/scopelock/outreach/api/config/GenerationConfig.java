package com.scopelock.outreach.api.config;

import com.scopelock.outreach.rules.Defaults;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** First messages: how long to wait for message-generator, the template used when it does not answer, edits. */
@ConfigMapping(prefix = "outreach.generation")
public interface GenerationConfig {
    /** How long POST /generate-message waits for the generator's answer before using the template itself. */
    @WithDefault("12s")
    Duration timeout();

    /** Max characters (code points) of a message, generated or edited. */
    @WithDefault("" + Defaults.MAX_MESSAGE_CHARS)
    int maxChars();

    /**
     * The team's pitch, as message-generator's {@code generator.message.pitch}: its links and @handles (and the
     * template's) are the only ones a generated or edited message may carry; the lead's own data never adds any.
     */
    @WithDefault(Defaults.PITCH)
    String pitch();

    /** How long a claim made by generating a message keeps other members off the lead. */
    @WithDefault("24h")
    Duration claimDuration();

    /** How long to wait for Kafka to acknowledge the watch record before answering anyway (logged). */
    @WithDefault("5s")
    Duration watchPublishTimeout();

    /** How long after "mark as sent" the member can still take it back (the UI's Undo). */
    @WithDefault("10m")
    Duration undoSentWindow();

    Template template();

    /** The same template rules as message-generator's {@code generator.template.*}. */
    interface Template {
        @WithDefault(Defaults.TEMPLATE)
        String text();

        /** Words used for {profile_type} beyond outreach-rules' defaults, e.g. outreach.generation.template.profile-labels.unknown=community. */
        Map<String, String> profileLabels();

        @WithDefault(Defaults.NAME_WHEN_MISSING)
        String nameWhenMissing();
    }
}
