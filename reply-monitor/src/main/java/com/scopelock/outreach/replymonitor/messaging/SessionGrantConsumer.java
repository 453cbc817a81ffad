package com.scopelock.outreach.replymonitor.messaging;

import com.scopelock.outreach.model.Topics;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows the compacted {@code telegram.session-grants}: which sessions this replica owns follows the
 * partitions Kafka assigns it. Today it only tracks the latest grant per session (a tombstone removes it);
 * opening TDLib clients for them is the reply-monitor issue.
 */
@ApplicationScoped
public class SessionGrantConsumer {
    private static final Logger LOG = Logger.getLogger(SessionGrantConsumer.class);
    private final Map<String, Boolean> knownSessions = new ConcurrentHashMap<>();

    @Incoming(Topics.SESSION_GRANTS)
    public void onGrant(Record<String, String> grant) {
        if (grant.value() == null) {
            knownSessions.remove(grant.key());
        } else {
            knownSessions.put(grant.key(), Boolean.TRUE);
        }
        LOG.debugf("session grants known: %d", knownSessions.size());
    }

    public int knownSessions() {
        return knownSessions.size();
    }
}
