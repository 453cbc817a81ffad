package com.scopelock.outreach.problems;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Limits answered as problems at the HTTP layer, and where a browser's unknown page goes (env OUTREACH_HTTP_*). */
@ConfigMapping(prefix = "outreach.http")
public interface HttpProblemsConfig {
    /** Longest request URI (path + query) accepted; longer → 414. */
    @WithDefault("8192")
    int maxUriLength();

    /** Largest sum of request header names and values accepted; larger → 431. */
    @WithDefault("20480")
    int maxHeaderBytes();

    /**
     * A classpath resource (e.g. {@code META-INF/resources/404.html}) answered with 404 to an unknown path outside
     * {@link #apiPaths()}: a browser gets the UI's page, API clients keep getting problems.
     */
    Optional<String> notFoundPage();

    /** Path prefixes that always answer problems, never the not-found page. */
    @WithDefault("/api/,/q/")
    List<String> apiPaths();
}
