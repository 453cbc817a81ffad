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
    @WithDefault("1000")
    int maxListedRejections();

    /** At most this many duplicate records are listed one by one in a report; the count stays exact. */
    @WithDefault("1000")
    int maxListedDuplicates();

    /**
     * Largest encoded lead-upsert value (UTF-8 bytes) sent to Kafka; a bigger record is rejected on its own. Stays
     * below the producer's max.request.size and the broker's message.max.bytes (both about 1 MB by default).
     */
    @WithDefault("1000000")
    int maxRecordBytes();

    /**
     * The Kafka transactional id of this replica, one per replica and kept across its restarts (a restart aborts
     * what the dead process left open); {@code lead-ingest-<host name>} by default (the pod name in Kubernetes).
     */
    Optional<String> transactionalId();

    /**
     * How long one import may publish; also how long the broker keeps the open transaction of a process that died
     * and was not restarted with its id (consumers of outreach.lead-upserts wait behind it that long).
     */
    @WithDefault("2m")
    Duration transactionTimeout();

    /** Records published to Kafka and not yet acknowledged, at most. */
    @WithDefault("2000")
    int maxInFlight();

    /** How long a finished import's report stays available at GET /api/leads/imports/{id} (any replica). */
    @WithDefault("1h")
    Duration reportRetention();

    /**
     * How long a running import's report lives in the store without being refreshed (it is rewritten at least
     * every second while the import makes progress); a replica that died mid-import blocks a retry this long.
     */
    @WithDefault("2m")
    Duration runningReportTtl();

    /** Where accepted records are spooled until the whole file has been read; the system temp dir by default. */
    Optional<String> spoolDir();

    /** Any other text value of a record (bio, username, sample_messages[i], a signal's name…), in code points. */
    @WithDefault("2000")
    int maxTextLength();

    /** Items of any list of a record (matching_messages, sample_messages, groups…) and keys of any object. */
    @WithDefault("200")
    int maxListItems();

    /** All text of a record's other fields together (what becomes analysis_data), in code points. */
    @WithDefault("65536")
    int maxAnalysisLength();
}
