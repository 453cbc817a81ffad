package com.scopelock.outreach.telegram.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopelock.outreach.telegram.TelegramConfig;
import com.scopelock.outreach.telegram.guard.ForbiddenTdFunctionException;
import com.scopelock.outreach.telegram.guard.ReadOnlyGuard;
import com.scopelock.outreach.telegram.sim.SimulatedSessionMarker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SecretsNotInToStringTest {
    private static final String API_HASH = "a3406de8d171bb422bb6ddf3bbd800e2";
    private static final String DB_KEY = "c2VjcmV0LWRhdGFiYXNlLWtleS0xMjM0NQ==";
    private static final String PASSWORD = "hunter2-correct-horse";
    private static final String SESSION = "9f86d081884c7d659a2feaa0c55ad015";

    @Test
    void noSecretInAnyToString() {
        TdlibParameters parameters = TdlibParameters.of(Path.of("/tmp/db"), 94575, Secret.of(API_HASH))
                .withDatabaseEncryptionKey(Secret.of(DB_KEY));
        List<Object> objects = List.of(
                Secret.of(API_HASH), parameters,
                new TdFunction.SetTdlibParameters(parameters),
                new TdFunction.CheckAuthenticationPassword(Secret.of(PASSWORD)),
                new TdFunction.Raw(new TdFunction.CheckAuthenticationPassword(Secret.of(PASSWORD)).toJson()),
                new TdFunction.Raw(new TdFunction.SetTdlibParameters(parameters).toJson()),
                new SimulatedSessionMarker(SESSION, 42),
                TelegramConfig.fromEnvironment("dev", new Properties(), Map.of()));
        for (Object object : objects) {
            String text = object.toString();
            for (String secret : List.of(API_HASH, DB_KEY, PASSWORD, SESSION)) {
                assertFalse(text.contains(secret), object.getClass().getSimpleName() + " leaks: " + text);
            }
        }
        assertTrue(parameters.toString().contains("Secret[***]"));
    }

    @Test
    void theWireFormStillCarriesTheSecretsForTdlib() {
        TdlibParameters parameters = TdlibParameters.of(Path.of("/tmp/db"), 94575, Secret.of(API_HASH))
                .withDatabaseEncryptionKey(Secret.of(DB_KEY));
        var json = new TdFunction.SetTdlibParameters(parameters).toJson();
        assertEquals(API_HASH, json.path("api_hash").asText());
        assertEquals(DB_KEY, json.path("database_encryption_key").asText());
        assertEquals(PASSWORD, new TdFunction.CheckAuthenticationPassword(Secret.of(PASSWORD)).toJson()
                .path("password").asText());
    }

    @Test
    void errorsDoNotEchoRequestBodies() {
        var request = new TdFunction.CheckAuthenticationPassword(Secret.of(PASSWORD)).toJson().put("@type",
                "sendMessage");
        try {
            ReadOnlyGuard.check(request);
        } catch (ForbiddenTdFunctionException e) {
            assertFalse(e.getMessage().contains(PASSWORD));
        }
        try {
            Json.parseObject("{\"password\":\"" + PASSWORD + "\"");
        } catch (IllegalArgumentException e) {
            assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        }
    }

    @Test
    void secretEqualityWithoutRevealingHash() {
        assertEquals(Secret.of("x"), Secret.of("x"));
        assertNotEquals(Secret.of("x"), Secret.of("y"));
        assertEquals(Secret.of("x").hashCode(), Secret.of("y").hashCode());
        assertTrue(Secret.of("").isEmpty());
        assertEquals("Secret[empty]", Secret.empty().toString());
    }
}
