package com.scopelock.outreach.telegram.session;

import com.scopelock.outreach.telegram.TelegramConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keys both services' application.properties and the manifests set map onto {@link TelegramSettings}. */
class TelegramProducersTest {
    @TempDir
    Path tmp;

    private static TelegramSettings settings(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                // Quarkus's short form ("30s"), as the services read it
                .withConverter(Duration.class, 100, v -> Duration.parse("PT" + v.toUpperCase(Locale.ROOT)))
                .withMapping(TelegramSettings.class)
                .build();
        return config.getConfigMapping(TelegramSettings.class);
    }

    @Test
    void mapsTheServicesKeys() {
        TelegramSettings s = settings(Map.of("telegram.mode", "simulated", "telegram.api-id", "7",
                "telegram.api-hash", "h", "telegram.use-test-dc", "true",
                "telegram.simulated.world-dir", "/w", "telegram.request-timeout", "5s"));
        assertEquals(7, s.apiId());
        assertEquals("h", s.apiHash().orElseThrow());
        assertTrue(s.useTestDc());

        TelegramConfig config = TelegramProducers.clientConfig(s, List.of("dev"), true);
        assertEquals(TelegramConfig.Mode.SIMULATED, config.mode());
        assertEquals(Path.of("/w"), config.simulatedWorldDir().orElseThrow());
        assertEquals("dev", config.profile());
        assertTrue(config.simulatedIUnderstand());
        assertEquals(Duration.ofSeconds(5), config.requestTimeout());
    }

    @Test
    void defaultsToRealTelegramAndProdWithoutAProfile() {
        TelegramSettings s = settings(Map.of());
        assertEquals(0, s.apiId());
        assertFalse(s.useTestDc());
        TelegramConfig config = TelegramProducers.clientConfig(s, List.of(), false);
        assertEquals(TelegramConfig.Mode.REAL, config.mode());
        assertEquals("prod", config.profile());
        assertEquals("prod", TelegramProducers.clientConfig(s, List.of("prod", "e2e"), false).profile());
    }

    @Test
    void theKeysetComesFromTheValueOrTheFile() throws IOException {
        String keyset = SessionSealer.newKeyset();
        assertEquals(keyset, TelegramProducers.keyset(settings(Map.of("telegram.sealing.keyset", keyset)).sealing()));

        Path file = Files.writeString(tmp.resolve("keyset.json"), keyset);
        TelegramSettings fromFile = settings(Map.of("telegram.sealing.keyset", " ",
                "telegram.sealing.keyset-file", file.toString()));
        assertEquals(keyset, TelegramProducers.keyset(fromFile.sealing()));
    }

    @Test
    void noKeysetOrAnUnreadableFileFailsWithoutTheValue() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> TelegramProducers.keyset(settings(Map.of()).sealing()));
        assertTrue(none.getMessage().contains("TELEGRAM_SEALING_KEYSET_FILE"), none.getMessage());

        TelegramSettings missing = settings(Map.of("telegram.sealing.keyset-file", tmp.resolve("absent").toString()));
        IllegalStateException unreadable = assertThrows(IllegalStateException.class,
                () -> TelegramProducers.keyset(missing.sealing()));
        assertTrue(unreadable.getMessage().contains("telegram.sealing.keyset-file"), unreadable.getMessage());
    }
}
