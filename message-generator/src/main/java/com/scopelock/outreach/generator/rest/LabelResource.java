package com.scopelock.outreach.generator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.generator.config.GeneratorConfig;
import com.scopelock.outreach.generator.service.ReplyLabelService;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.Problem;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/generator/label} {@code {"text": "…"}} → {@code {"sentiment", "intent", "labeled_by"}}: the
 * labeling of the Kafka path ({@link ReplyLabelService}), for operators checking a setup and for tests. JWT
 * required; nothing is stored or published. Bad input → 400 {@code application/problem+json} naming the field.
 */
@Path("/api/generator/label")
@Authenticated
public class LabelResource {
    static final String PROBLEM_JSON = "application/problem+json";

    private final ReplyLabelService labels;
    private final int maxTextChars;

    public LabelResource(ReplyLabelService labels, GeneratorConfig config) {
        this.labels = labels;
        this.maxTextChars = config.labels().maxTextChars();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    public CompletionStage<Response> label(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : JsonCodec.mapper().readTree(body);
        } catch (Exception e) {
            return invalid(null, "the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            return invalid(null, "the body must be a JSON object {\"text\": \"…\"}");
        }
        JsonNode text = node.get("text");
        if (text == null || text.isNull()) {
            return invalid("text", "text is required");
        }
        if (!text.isTextual()) {
            return invalid("text", "text must be a string, got " + text.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String value = text.asText();
        if (value.isBlank()) {
            return invalid("text", "text must not be blank");
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxTextChars) {
            return invalid("text", "text has " + length + " characters, at most " + maxTextChars + " are allowed");
        }
        return labels.label(value).thenApply(l -> {
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("sentiment", l.sentiment());
            answer.put("intent", l.intent());
            answer.put("labeled_by", l.labeledBy());
            return Response.ok(JsonCodec.encode(answer), MediaType.APPLICATION_JSON).build();
        });
    }

    /** 400 problem; {@code errors[0].field} names the offending member of the body ({@code body} for the body itself). */
    private static CompletionStage<Response> invalid(String field, String detail) {
        throw new ProblemException(Problems.invalid(400, "invalid_label_request", detail,
                List.of(new Problem.FieldError(field == null ? "body" : field, detail))));
    }
}
