package com.scopelock.outreach.telegram.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the simulated client keeps in its database directory (like TDLib's own database): which session of which
 * account it is. A directory carrying this file — e.g. sealed by the auth service and unsealed by the reply
 * monitor in another process — starts directly in authorizationStateReady while the session is not revoked.
 */
public record SimulatedSessionMarker(String sessionId, long userId) {
    public static final String FILE = "simulated-telegram-session.json";

    public static Optional<SimulatedSessionMarker> read(Path databaseDirectory) {
        Path file = databaseDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = SimWorldStore.MAPPER.readTree(file.toFile());
            return Optional.of(new SimulatedSessionMarker(node.path("session_id").asText(),
                    node.path("user_id").asLong()));
        } catch (IOException e) {
            throw new UncheckedIOException("SIMULATED TELEGRAM: unreadable session marker", e);
        }
    }

    public void write(Path databaseDirectory) {
        try {
            Files.createDirectories(databaseDirectory);
            SimWorldStore.MAPPER.writeValue(databaseDirectory.resolve(FILE).toFile(),
                    SimWorldStore.MAPPER.createObjectNode().put("simulated", "SIMULATED TELEGRAM session")
                            .put("session_id", sessionId).put("user_id", userId));
        } catch (IOException e) {
            throw new UncheckedIOException("SIMULATED TELEGRAM: cannot write session marker", e);
        }
    }

    public static void delete(Path databaseDirectory) {
        try {
            Files.deleteIfExists(databaseDirectory.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("SIMULATED TELEGRAM: cannot delete session marker", e);
        }
    }

    @Override
    public String toString() {
        return "SimulatedSessionMarker[sessionId=***, userId=" + userId + "]";
    }
}
