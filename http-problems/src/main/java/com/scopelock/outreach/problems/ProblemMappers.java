package com.scopelock.outreach.problems;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.scopelock.outreach.model.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Every exception that leaves a REST resource, as its problem. Nothing of an unexpected exception reaches the caller. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ProblemWriter writer;
    private final NotFoundPage notFoundPage;

    public ProblemMappers(ProblemWriter writer, NotFoundPage notFoundPage) {
        this.writer = writer;
        this.notFoundPage = notFoundPage;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return writer.response(e.problem(), request.path(), e.headers());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status == 404 && notFoundPage.appliesTo(request)) {
            return Response.status(404).type(NotFoundPage.CONTENT_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .entity(notFoundPage.page().getBytes()).build();
        }
        Map<String, String> keep = new LinkedHashMap<>();
        if (original != null) {
            for (String name : List.of(HttpHeaders.ALLOW, "Retry-After")) {
                String value = original.getHeaderString(name);
                if (value != null) {
                    keep.put(name, value);
                }
            }
        }
        return writer.response(Problems.http(status, HttpDetails.of(status, request, keep.get(HttpHeaders.ALLOW))),
                request.path(), keep);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return writer.response(notJson(e), request.path(), Map.of());
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return writer.response(notJson(e), request.path(), Map.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(HttpServerRequest request) {
        return writer.response(Problems.http(401, HttpDetails.of(401, request, null)), request.path(), Map.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return writer.response(Problems.http(403, HttpDetails.of(403, request, null)), request.path(), Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ProblemException p) {
            return problem(p, request);
        }
        if (cause instanceof WebApplicationException w) {
            return web(w, request);
        }
        if (cause instanceof ConnectionPoolTooBusyException) {
            // a burst larger than a client pool's waiting queue (Redis, an HTTP client): the caller may simply retry
            LOG.warnf("busy: %s %s: %s", request.method(), request.path(), cause.getMessage());
            return writer.response(Problems.of(503, "busy", "too many requests at once; retry in a second"),
                    request.path(), Map.of("Retry-After", "1"));
        }
        LOG.errorf(e, "unexpected failure answering %s %s", request.method(), request.path());
        return writer.response(Problems.http(500, HttpDetails.of(500, request, null)), request.path(), Map.of());
    }

    /** The JSON path of the member at fault, e.g. {@code signals[2]} or {@code analysis_data.summary}. */
    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(Problems.quote(ref.getFieldName(), 80));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static Problem notJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String why = Problems.quote(e.getOriginalMessage(), 200);
        String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        String field = e instanceof MismatchedInputException m ? pathOf(m) : null;
        Problem p = field == null
                ? Problems.of(400, "invalid_body", "the body is not the expected JSON: " + why + where)
                : Problems.invalid(400, "invalid_body", "the body is not the expected JSON: " + why + where,
                List.of(new Problem.FieldError(field, why)));
        return at == null || at.getLineNr() < 0 ? p : p.with("line", at.getLineNr()).with("column", at.getColumnNr());
    }
}
