package com.scopelock.outreach.api.config;

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
    @WithDefault("500")
    int maxChars();

    /** How long a claim made by generating a message keeps other members off the lead. */
    @WithDefault("24h")
    Duration claimDuration();

    /** How long to wait for Kafka to acknowledge the watch record before answering anyway (logged). */
    @WithDefault("5s")
    Duration watchPublishTimeout();

    Template template();

    /** The same template rules as message-generator's {@code generator.template.*}. */
    interface Template {
        @WithDefault("Hey {name}, came across your profile and noticed your {profile_type} skills. We're ScopeLock – an AI-human agency helping junior developers build real projects with AI guidance. Interested in hearing more about joining our team? Let me know!")
        String text();

        /** Words used for {profile_type}, e.g. outreach.generation.template.profile-labels.unknown=community. */
        Map<String, String> profileLabels();

        @WithDefault("there")
        String nameWhenMissing();
    }
}
