package com.scopelock.outreach.generator.rest;

import com.scopelock.outreach.generator.service.MessageGenerationService;
import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.JsonCodec.PoisonRecordException;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.Problems;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /api/generator/preview}: the same generation as over Kafka, for operators trying a prompt or a
 * CLI setup. JWT required; the caller ({@code sub}) becomes the owner. Body: a generation request in the wire
 * form (snake_case); envelope fields may be left out. Nothing is stored.
 */
@Path("/api/generator/preview")
@Authenticated
public class PreviewResource {
    private final MessageGenerationService generation;
    private final JsonWebToken jwt;

    public PreviewResource(MessageGenerationService generation, JsonWebToken jwt) {
        this.generation = generation;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> preview(String body) {
        GenerationRequested given;
        try {
            given = JsonCodec.decode(body == null || body.isBlank() ? "null" : body, GenerationRequested.class);
        } catch (PoisonRecordException e) {
            throw ProblemException.of(400, "invalid_body", "the body is not a generation request: "
                    + Problems.quote(e.getMessage(), 200));
        }
        if (given == null || given.name() == null || given.name().isBlank()) {
            throw ProblemException.invalid("invalid_body", "name", "is required");
        }
        GenerationRequested request = GenerationRequested.of(jwt.getSubject(), "preview-" + UUID.randomUUID(),
                given.contactSlug() == null ? "preview" : given.contactSlug(), given.name(), given.profileType(),
                given.supervisorScore(), given.hustlerScore(), given.signals(), given.matchingMessages(),
                given.sampleMessages(), Instant.now());
        return generation.generate(request)
                .thenApply(answer -> Response.ok(JsonCodec.encode(answer), MediaType.APPLICATION_JSON).build());
    }
}
