package com.scopelock.outreach.leadingest.rest;

import com.scopelock.outreach.leadingest.service.ImportInProgressException;
import com.scopelock.outreach.model.ApiError;
import com.scopelock.outreach.leadingest.service.ImportRegistry;
import com.scopelock.outreach.leadingest.service.ImportReport;
import com.scopelock.outreach.leadingest.service.ImportService;
import com.scopelock.outreach.leadingest.service.MalformedLeadFileException;
import com.scopelock.outreach.leadingest.service.PublishFailedException;
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
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.InputStream;
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

    public LeadImportResource(ImportService importService, ImportRegistry registry, JsonWebToken jwt) {
        this.importService = importService;
        this.registry = registry;
        this.jwt = jwt;
    }

    /**
     * Imports a team_members.json. Give your own {@code import_id} to watch the progress of a long upload at
     * GET /api/leads/imports/{id} while it runs, and to retry safely: the same id answers the same report.
     */
    @POST
    @Path("/import")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    public Response importLeads(@QueryParam("import_id") String importId, InputStream body) {
        String id = importId == null ? UUID.randomUUID().toString() : importId;
        if (!IMPORT_ID.matcher(id).matches()) {
            return Response.status(400).entity(ApiError.of("invalid_import_id",
                    "import_id must be 4-64 characters of letters, digits, '.', '_' or '-'")).build();
        }
        ImportReport report = importService.importLeads(jwt.getSubject(), id, body);
        return Response.ok(report).header("Location", "/api/leads/imports/" + id).build();
    }

    @GET
    @Path("/imports/{id}")
    public Response progress(@PathParam("id") String importId) {
        return registry.find(jwt.getSubject(), importId)
                .map(report -> Response.ok(report).build())
                .orElseGet(() -> Response.status(404).entity(ApiError.of("import_not_found",
                        "no import " + importId + " of yours on this replica (reports are kept for an hour)")).build());
    }

    @ServerExceptionMapper
    public Response malformed(MalformedLeadFileException e) {
        return Response.status(400).entity(new ApiError("malformed_lead_file", e.getMessage() + "; nothing was imported",
                e.line(), e.column(), e.offset())).build();
    }

    @ServerExceptionMapper
    public Response inProgress(ImportInProgressException e) {
        return Response.status(409).entity(ApiError.of("import_in_progress", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response publishFailed(PublishFailedException e) {
        return Response.status(503).header("Retry-After", "5")
                .entity(ApiError.of("kafka_unavailable", e.getMessage())).build();
    }
}
