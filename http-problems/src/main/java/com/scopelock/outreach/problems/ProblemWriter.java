package com.scopelock.outreach.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scopelock.outreach.model.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** Writes a problem as {@code application/problem+json}: into a JAX-RS answer or straight onto a Vert.x response. */
@ApplicationScoped
public class ProblemWriter {
    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // a problem is strings, numbers and small maps; this cannot fail unless an extension is unserialisable
            return "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,\"code\":\"internal_error\"}";
        }
    }

    public Response response(Problem problem, String path, Map<String, String> headers) {
        Problem located = problem.instance() == null ? problem.withInstance(path) : problem;
        Response.ResponseBuilder answer = Response.status(located.status()).type(Problem.MEDIA_TYPE).entity(json(located));
        headers.forEach(answer::header);
        if (located.status() == 401) {
            answer.header("WWW-Authenticate", "Bearer");
        }
        return answer.build();
    }

    public void write(RoutingContext ctx, Problem problem) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Problem located = problem.instance() == null ? problem.withInstance(ctx.request().path()) : problem;
        ctx.response().setStatusCode(located.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (located.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().end(json(located));
    }
}
