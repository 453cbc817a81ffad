package com.scopelock.outreach.leadingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "lead-ingest")
public interface IngestConfig {

    /** Maximum length of a lead's name, in Unicode code points, after trimming. */
    @WithDefault("256")
    int maxNameLength();

    /** Maximum length of a matching message's text_snippet, in code points. */
    @WithDefault("1000")
    int maxSnippetLength();

    /** At most this many rejected records are listed one by one in a report; the counts stay exact. */
    @WithDefault("10000")
    int maxListedRejections();

    /** Records published to Kafka and not yet acknowledged, at most. */
    @WithDefault("2000")
    int maxInFlight();

    /** How long a finished import's report stays available at GET /api/leads/imports/{id}. */
    @WithDefault("1h")
    Duration reportRetention();

    /** Where accepted records are spooled until the whole file has been read; the system temp dir by default. */
    Optional<String> spoolDir();
}
