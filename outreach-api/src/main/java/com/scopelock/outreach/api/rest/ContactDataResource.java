package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.service.ContactDataService;
import com.scopelock.outreach.api.service.ContactDataService.Erasure;
import com.scopelock.outreach.api.service.ContactDataService.Export;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /api/outreach/contacts/{id}/export} and {@code DELETE /api/outreach/contacts/{id}} (GDPR art. 15, 17). */
@Path("/api/outreach")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ContactDataResource {
    private final ContactDataService data;
    private final JsonWebToken jwt;

    public ContactDataResource(ContactDataService data, JsonWebToken jwt) {
        this.data = data;
        this.jwt = jwt;
    }

    @GET
    @Path("/contacts/{id}/export")
    public Uni<Export> export(@PathParam("id") String id) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        return data.export(jwt.getSubject(), id);
    }

    @DELETE
    @Path("/contacts/{id}")
    public Uni<Erasure> erase(@PathParam("id") String id) {
        OutreachResource.check("id", id, OutreachResource.CONTACT_ID);
        return data.erase(jwt.getSubject(), id);
    }
}
