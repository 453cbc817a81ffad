package com.scopelock.outreach.api.messaging;

import com.scopelock.outreach.api.graph.GraphAvailability;
import com.scopelock.outreach.api.service.SessionService;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.SessionStatusChanged;
import com.scopelock.outreach.model.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Session grants (and their tombstones) and the monitor's session status into the graph. */
@ApplicationScoped
public class SessionConsumers {
    private final SessionService sessions;
    private final EventDecoder decoder;
    private final GraphAvailability graph;

    public SessionConsumers(SessionService sessions, EventDecoder decoder, GraphAvailability graph) {
        this.sessions = sessions;
        this.decoder = decoder;
        this.graph = graph;
    }

    @Incoming(Topics.SESSION_GRANTS)
    public Uni<Void> grant(Record<String, String> record) {
        if (record.value() == null) {
            return record.key() == null ? Uni.createFrom().voidItem()
                    : graph.untilWritten("withdrawing a session grant", () -> sessions.onWithdrawn(record.key()));
        }
        return decoder.apply(Topics.SESSION_GRANTS, record.value(), SessionGranted.class, sessions::onGrant);
    }

    @Incoming(Topics.SESSION_STATUS)
    public Uni<Void> status(String payload) {
        return decoder.apply(Topics.SESSION_STATUS, payload, SessionStatusChanged.class, sessions::onStatus);
    }
}
