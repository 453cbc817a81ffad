package com.scopelock.outreach.leadingest.service;

import com.scopelock.outreach.leadingest.config.IngestConfig;

import java.time.Duration;
import java.util.Optional;

final class TestConfigs {
    private TestConfigs() {
    }

    static IngestConfig defaults() {
        return new IngestConfig() {
            public int maxNameLength() { return 256; }
            public int maxSnippetLength() { return 1000; }
            public int maxListedRejections() { return 1_000; }
            public int maxListedDuplicates() { return 1_000; }
            public int maxRecordBytes() { return 1_000_000; }
            public Duration runningReportTtl() { return Duration.ofMinutes(2); }
            public Optional<String> transactionalId() { return Optional.empty(); }
            public Duration transactionTimeout() { return Duration.ofMinutes(2); }
            public int maxInFlight() { return 100; }
            public Duration reportRetention() { return Duration.ofHours(1); }
            public Optional<String> spoolDir() { return Optional.empty(); }
            public int maxTextLength() { return 2000; }
            public int maxListItems() { return 200; }
            public int maxAnalysisLength() { return 65_536; }
        };
    }
}
