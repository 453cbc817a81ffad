package com.scopelock.outreach.api.rest;

import com.scopelock.outreach.api.service.NotificationHub;
import com.scopelock.outreach.model.JsonCodec;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;

/**
 * {@code GET /api/outreach/events}: the caller's live events (reply, label, sent, session) as Server-Sent
 * Events, with a comment every 15 s so proxies keep the stream open. Reconnect with {@code Last-Event-ID} to
 * receive what was missed, or a {@code resync} event asking to reload.
 */
@Path("/api/outreach/events")
@Authenticated
public class EventsResource {
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final NotificationHub hub;
    private final JsonWebToken jwt;

    public EventsResource(NotificationHub hub, JsonWebToken jwt) {
        this.hub = hub;
        this.jwt = jwt;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        Long since = parse(lastEventId);
        Multi<OutboundSseEvent> events = hub.subscribe(jwt.getSubject(), since).map(e -> sse.newEventBuilder()
                .id(Long.toString(e.id())).name(e.type()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(JsonCodec.encode(e.data())).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(sse.newEventBuilder().name("ready")
                .data("{\"member\":" + JsonCodec.encode(jwt.getSubject()) + "}").build());
        return Multi.createBy().concatenating().streams(hello, Multi.createBy().merging().streams(events, keepAlive));
    }

    private static Long parse(String lastEventId) {
        try {
            return lastEventId == null || lastEventId.isBlank() ? null : Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
