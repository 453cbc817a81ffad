package com.scopelock.outreach.problems;

import com.scopelock.outreach.model.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds to every operation of the OpenAPI document the problems that the HTTP layer and the shared mappers answer
 * (400 where parameters or a body are read, 401/403 on /api/**, 404 where the path names a resource, 406,
 * 413/415 where a body is read, 500, 503), and gives every 4xx/5xx response the {@code Problem} schema as
 * {@code application/problem+json}. Answers particular to one operation (409, 410, 422, 429 …) are declared on it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {
    static final String SCHEMA = "Problem";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            List<Parameter> shared = path.getValue().getParameters() == null ? List.of() : path.getValue().getParameters();
            for (Operation op : path.getValue().getOperations().values()) {
                document(path.getKey(), shared, op);
            }
        }
    }

    private static void document(String path, List<Parameter> shared, Operation op) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        List<Parameter> params = new ArrayList<>(shared);
        if (op.getParameters() != null) {
            params.addAll(op.getParameters());
        }
        boolean body = op.getRequestBody() != null;
        boolean secured = path.startsWith("/api/") || (op.getSecurity() != null && !op.getSecurity().isEmpty());
        boolean pathParams = path.contains("{");
        if (body || !params.isEmpty()) {
            add(responses, 400, "The request is malformed or a parameter/body member is invalid (named in errors)");
        }
        if (secured) {
            add(responses, 401, "No valid bearer token");
            add(responses, 403, "The token does not allow this");
        }
        if (pathParams) {
            add(responses, 404, "No such resource (of yours)");
        }
        add(responses, 406, "No representation matches the Accept header");
        if (body) {
            add(responses, 413, "The body is too large");
            add(responses, 415, "The Content-Type is not accepted");
        }
        add(responses, 500, "Unexpected failure (logged)");
        add(responses, 503, "A dependency is unavailable; retry later");
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (isError(code)) {
                    asProblem(response);
                }
            });
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static void add(APIResponses responses, int status, String description) {
        String code = Integer.toString(status);
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void asProblem(APIResponse response) {
        if (response.getDescription() == null) {
            response.setDescription("Problem");
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
    }

    static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string)
                .addProperty("detail", string);
        return OASFactory.createSchema()
                .description("RFC 9457 problem details; code is the stable name of the problem type, errors the "
                        + "invalid inputs; further members (allowed) are extensions of the problem type")
                .addType(Schema.SchemaType.OBJECT)
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}
