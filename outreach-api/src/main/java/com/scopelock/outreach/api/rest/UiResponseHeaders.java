package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.config.UiConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Security and cache headers of every answer: a strict CSP (scripts only from this origin plus the hashes of the
 * export's own inline scripts; calls only to this origin and the configured lead/login services; no framing),
 * nosniff, no referrer; hashed assets under /_next/static/ cached immutable, pages and other files revalidated.
 */
@ApplicationScoped
public class UiResponseHeaders {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final Logger LOG = Logger.getLogger(UiResponseHeaders.class);

    private final String csp;

    public UiResponseHeaders(UiConfig config) {
        this.csp = policy(scriptHashes(config.cspScriptHashes()), config.leadsApi(), config.telegramApi(),
                config.generatorApi());
    }

    void install(@Observes Router router) {
        // right after Quarkus' configured headers, before anything that can answer
        router.route().order(Integer.MIN_VALUE + 10).handler(this::headers);
    }

    private void headers(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.putHeader("Content-Security-Policy", csp)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer");
        String path = ctx.request().path();
        if (!path.startsWith("/api/") && !path.startsWith("/q/") && !path.equals("/config.json")) {
            // after the static handler set its own (one day, immutable) cache headers
            ctx.addHeadersEndHandler(v -> response.headers().set(HttpHeaders.CACHE_CONTROL, cacheControl(path)));
        }
        ctx.next();
    }

    static String cacheControl(String path) {
        return path.startsWith("/_next/static/") ? IMMUTABLE : REVALIDATE;
    }

    static String policy(Set<String> scriptHashes, String... services) {
        StringBuilder scripts = new StringBuilder("'self'");
        scriptHashes.forEach(h -> scripts.append(" '").append(h).append('\''));
        StringBuilder connect = new StringBuilder("'self'");
        for (String service : services) {
            String origin = originOf(service);
            if (origin != null) {
                connect.append(' ').append(origin);
            }
        }
        return "default-src 'self'; script-src " + scripts + "; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + connect + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /** The origin of an http(s) base URL; {@code same-origin} (or anything else) adds nothing. */
    static String originOf(String base) {
        if (base == null) {
            return null;
        }
        try {
            URI uri = URI.create(base.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            return scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<String> scriptHashes(String resource) {
        Set<String> hashes = new LinkedHashSet<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                LOG.warnf("%s is missing (UI not built?): the CSP allows no inline script", resource);
                return hashes;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("sha256-")) {
                    hashes.add(line.trim());
                }
            }
            return hashes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
