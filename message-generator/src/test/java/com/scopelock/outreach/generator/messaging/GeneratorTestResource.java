package com.scopelock.outreach.generator.messaging;

import com.scopelock.outreach.generator.FakeCli;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.UUID;

/** Points the service at the fast good fake CLI and gives its consumers group ids no earlier run holds. */
public class GeneratorTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return Map.of(
                "generator.cli.command", FakeCli.path("good.sh"),
                "mp.messaging.incoming.\"outreach.generation-requests\".group.id", "message-generator-it-" + suffix,
                "mp.messaging.incoming.\"outreach.replies\".group.id", "message-generator-it-" + suffix);
    }

    @Override
    public void stop() {
    }
}
