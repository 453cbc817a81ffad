package com.scopelock.outreach.api.health;

import com.scopelock.outreach.api.messaging.GeneratedMessagesAssignment;
import com.scopelock.outreach.api.messaging.GenerationClient;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once this replica reads outreach.generated-messages from known positions (answers cannot be missed). */
@Readiness
@ApplicationScoped
public class GeneratorAnswersHealthCheck implements HealthCheck {
    private final GeneratedMessagesAssignment assignment;
    private final GenerationClient client;

    public GeneratorAnswersHealthCheck(@Identifier(GeneratedMessagesAssignment.NAME) GeneratedMessagesAssignment assignment, GenerationClient client) {
        this.assignment = assignment;
        this.client = client;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("generated-messages-listener").status(assignment.assigned())
                .withData("waiting_requests", client.waiting()).build();
    }
}
