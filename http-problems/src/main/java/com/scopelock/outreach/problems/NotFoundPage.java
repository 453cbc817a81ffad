package com.scopelock.outreach.problems;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The page a browser gets for an unknown path outside the API ({@code outreach.http.not-found-page}), whether the
 * 404 comes from the router or from JAX-RS; API paths and services without a page keep answering problems.
 */
@ApplicationScoped
public class NotFoundPage {
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";
    private static final Logger LOG = Logger.getLogger(NotFoundPage.class);

    private final HttpProblemsConfig config;
    private final Buffer page;

    public NotFoundPage(HttpProblemsConfig config) {
        this.config = config;
        this.page = config.notFoundPage().map(NotFoundPage::load).orElse(null);
    }

    public boolean appliesTo(HttpServerRequest request) {
        String path = request.path();
        return page != null && (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
                && config.apiPaths().stream().noneMatch(path::startsWith);
    }

    public Buffer page() {
        return page;
    }

    private static Buffer load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warnf("outreach.http.not-found-page %s is not on the classpath; unknown pages answer problems", resource);
                return null;
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
