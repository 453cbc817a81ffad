package com.scopelock.outreach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.TdUpdateListener;
import com.scopelock.outreach.telegram.api.TelegramClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramClientFactoryTest {
    @TempDir
    Path tmp;

    private Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void simulatedModeIsRefusedInProdEvenWithTheFlag() {
        TelegramConfig config = TelegramConfig.fromEnvironment("prod",
                props("telegram.mode", "simulated", "telegram.simulated.world-dir", tmp.toString()),
                Map.of("TELEGRAM_SIMULATED_I_UNDERSTAND", "true"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TelegramClientFactory.create(config));
        assertTrue(e.getMessage().contains("SIMULATED TELEGRAM"), e.getMessage());
    }

    @Test
    void simulatedModeNeedsTheEnvironmentFlagNotAProperty() {
        TelegramConfig config = TelegramConfig.fromEnvironment("dev",
                props("telegram.mode", "simulated", "telegram.simulated.world-dir", tmp.toString(),
                        "telegram.simulated.i-understand", "true", "TELEGRAM_SIMULATED_I_UNDERSTAND", "true"),
                Map.of());
        assertFalse(config.simulatedIUnderstand());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TelegramClientFactory.create(config));
        assertTrue(e.getMessage().contains("TELEGRAM_SIMULATED_I_UNDERSTAND"), e.getMessage());
    }

    @Test
    void simulatedModeNeedsANamedProfile() {
        TelegramConfig config = new TelegramConfig(TelegramConfig.Mode.SIMULATED, java.util.Optional.empty(),
                java.util.Optional.of(tmp), "", true, null, null);
        assertThrows(IllegalStateException.class, () -> TelegramClientFactory.create(config));
    }

    @Test
    void defaultModeIsReal() {
        assertEquals(TelegramConfig.Mode.REAL, TelegramConfig.fromEnvironment("dev", props(), Map.of()).mode());
        assertThrows(IllegalArgumentException.class, () -> TelegramConfig.Mode.parse("fake"));
    }

    @Test
    void simulatedModeWhenDeliberatelyEnabledIsLabelled() {
        TelegramConfig config = TelegramConfig.fromEnvironment("e2e",
                props("telegram.mode", "simulated", "telegram.simulated.world-dir", tmp.toString()),
                Map.of("TELEGRAM_SIMULATED_I_UNDERSTAND", "true"));
        try (TelegramClientFactory factory = TelegramClientFactory.create(config)) {
            assertTrue(factory.simulated());
            assertEquals("SIMULATED TELEGRAM", factory.label());
            TelegramClient client = factory.newClient(TdUpdateListener.NONE);
            assertTrue(client.simulated());
            assertTrue(client.toString().startsWith("SIMULATED"));
            client.awaitAuthorizationState(s -> s instanceof AuthorizationState.WaitTdlibParameters,
                    Duration.ofSeconds(5)).join();
            client.close();
        }
    }

    @Test
    void realModeUsesTheLibrary() {
        try (TelegramClientFactory factory = TelegramClientFactory.create(TelegramConfig.real(java.util.Optional.empty()))) {
            assertFalse(factory.simulated());
            assertEquals("TDLib (real Telegram)", factory.label());
        }
    }
}
