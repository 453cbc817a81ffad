package com.scopelock.outreach.leadingest.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.scopelock.outreach.leadingest.service.ImportInProgressException;
import com.scopelock.outreach.leadingest.service.ImportRegistry;
import com.scopelock.outreach.leadingest.service.ImportReport;
import com.scopelock.outreach.leadingest.service.ImportService;
import com.scopelock.outreach.leadingest.service.MalformedLeadFileException;
import com.scopelock.outreach.leadingest.service.PublishFailedException;
import com.scopelock.outreach.leadingest.service.ReportStore;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import com.scopelock.outreach.problems.ProblemException;
import com.scopelock.outreach.problems.ProblemWriter;
import com.scopelock.outreach.problems.Problems;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

@Path("/api/leads")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class LeadImportResource {
    private static final Pattern IMPORT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{3,63}");

    private final ImportService importService;
    private final ImportRegistry registry;
    private final JsonWebToken jwt;
    private final ProblemWriter writer;

    public LeadImportResource(ImportService importService, ImportRegistry registry, JsonWebToken jwt,
                              ProblemWriter writer) {
        this.importService = importService;
        this.registry = registry;
        this.jwt = jwt;
        this.writer = writer;
    }

    /**
     * Imports a team_members.json. Give your own {@code import_id} to watch the progress of a long upload at
     * GET /api/leads/imports/{id} while it runs, and to retry safely: the same id answers the same report.
     */
    @POST
    @Path("/import")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @APIResponse(responseCode = "200", description = "The import report (accepted, rejected with field and reason, duplicates)")
    @APIResponse(responseCode = "409", description = "An import with this import_id is running")
    @APIResponse(responseCode = "503", description = "Kafka did not take the leads; retrying with the same import_id is safe")
    public Response importLeads(@QueryParam("import_id") String importId, InputStream body) {
        String id = importId == null ? UUID.randomUUID().toString() : importId;
        if (!IMPORT_ID.matcher(id).matches()) {
            throw ProblemException.invalid("invalid_import_id", "import_id",
                    "must be 4-64 characters of letters, digits, '.', '_' or '-'");
        }
        ImportReport report = importService.importLeads(jwt.getSubject(), id, body);
        return Response.ok(report).header("Location", "/api/leads/imports/" + id).build();
    }

    @GET
    @Path("/imports/{id}")
    public Response progress(@PathParam("id") String importId) {
        return registry.find(jwt.getSubject(), importId)
                .map(report -> Response.ok(report).build())
                .orElseThrow(() -> ProblemException.of(404, "import_not_found", "no import "
                        + Problems.quote(importId, 100) + " of yours (reports are kept for an hour)"));
    }

    @ServerExceptionMapper
    public Response malformed(MalformedLeadFileException e, HttpServerRequest request) {
        return writer.response(Problems.of(400, "malformed_lead_file", e.getMessage() + "; nothing was imported")
                .with("line", e.line()).with("column", e.column()).with("offset", e.offset()), request.path(), Map.of());
    }

    @ServerExceptionMapper
    public Response inProgress(ImportInProgressException e, HttpServerRequest request) {
        return writer.response(Problems.of(409, "import_in_progress", e.getMessage()), request.path(), Map.of());
    }

    @ServerExceptionMapper
    public Response storeUnavailable(ReportStore.ReportStoreUnavailableException e, HttpServerRequest request) {
        return writer.response(Problems.of(503, "report_store_unavailable", e.getMessage()), request.path(),
                Map.of("Retry-After", "5"));
    }

    @ServerExceptionMapper
    public Response publishFailed(PublishFailedException e, HttpServerRequest request) {
        return writer.response(Problems.of(503, "kafka_unavailable", e.getMessage()), request.path(),
                Map.of("Retry-After", "5"));
    }
}
