package com.scopelock.outreach.problems;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;

/**
 * The answers made before or beside JAX-RS, as problems: oversized URI (414), headers (431) and declared body
 * (413), failed authentication (401) and every other routing failure, unknown paths (404) and methods (405).
 */
@ApplicationScoped
public class ProblemRoutes {
    private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

    private final ProblemWriter writer;
    private final HttpProblemsConfig config;
    private final NotFoundPage notFoundPage;
    private final long maxBodyBytes;

    public ProblemRoutes(ProblemWriter writer, HttpProblemsConfig config, NotFoundPage notFoundPage,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        this.writer = writer;
        this.config = config;
        this.notFoundPage = notFoundPage;
        this.maxBodyBytes = maxBody.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        // before Quarkus' own upload limit, which would answer 413 with an empty body
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::limits);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.errorHandler(404, this::notFound);
        router.errorHandler(405, ctx -> writer.write(ctx, Problems.http(405,
                HttpDetails.of(405, ctx.request(), ctx.response().headers().get(HttpHeaders.ALLOW)))));
    }

    private void limits(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > config.maxUriLength()) {
            refuse(ctx, 414);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderBytes()) {
            refuse(ctx, 431);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodyBytes) {
            refuse(ctx, 413);
            return;
        }
        ctx.next();
    }

    /** Refuses before the body is read, then closes the connection: the unread body is never taken. */
    private void refuse(RoutingContext ctx, int status) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(v -> ctx.request().connection().close());
        writer.write(ctx, Problems.http(status, HttpDetails.of(status, ctx.request(), null)));
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        int status = statusOf(failure, ctx.statusCode());
        if (status >= 500) {
            LOG.errorf(failure, "unexpected failure answering %s %s", ctx.request().method(), ctx.request().path());
        }
        writer.write(ctx, Problems.http(status, HttpDetails.of(status, ctx.request(), null)));
    }

    private static int statusOf(Throwable failure, int statusCode) {
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            return 401;
        }
        if (failure instanceof ForbiddenException) {
            return 403;
        }
        if (failure instanceof HttpException http) {
            return http.getStatusCode();
        }
        return statusCode >= 400 && statusCode <= 599 ? statusCode : 500;
    }

    private void notFound(RoutingContext ctx) {
        if (notFoundPage.appliesTo(ctx.request()) && !ctx.response().ended()) {
            ctx.response().setStatusCode(404)
                    .putHeader(HttpHeaders.CONTENT_TYPE, NotFoundPage.CONTENT_TYPE)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .end(notFoundPage.page());
            return;
        }
        writer.write(ctx, Problems.http(404, HttpDetails.of(404, ctx.request(), null)));
    }
}
