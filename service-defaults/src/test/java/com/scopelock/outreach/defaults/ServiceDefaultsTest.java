package com.scopelock.outreach.defaults;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each service's effective configuration, as Quarkus layers it (its application.properties at ordinal 250 over
 * this module's shared defaults at 100), with no environment override: it binds 127.0.0.1 and requires {@code sub}.
 * A service whose application.properties sets its own bind address or drops the subject rule fails here.
 */
class ServiceDefaultsTest {
    /** Surefire runs in the module directory; the services are its siblings. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static SmallRyeConfig effective(String service, Map<String, String> env) throws IOException {
        Properties app = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            app.load(in);
        }
        URL shared = ServiceDefaultsTest.class.getResource("/META-INF/microprofile-config.properties");
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(shared, 100))
                .withSources(new PropertiesConfigSource(toMap(app), service + " application.properties", 250))
                .withSources(new PropertiesConfigSource(env, "environment", 300))
                .withProfile("prod")
                .build();
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new java.util.HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead-ingest", "outreach-api", "telegram-auth-service", "reply-monitor", "message-generator"})
    void everyServiceBindsLoopbackUnlessHttpHostSaysOtherwise(String service) throws IOException {
        assertEquals("127.0.0.1", effective(service, Map.of()).getValue("quarkus.http.host", String.class), service);
        assertEquals("0.0.0.0", effective(service, Map.of("HTTP_HOST", "0.0.0.0"))
                .getValue("quarkus.http.host", String.class), service + " with HTTP_HOST=0.0.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead-ingest", "outreach-api", "telegram-auth-service", "reply-monitor", "message-generator"})
    void everyServiceRequiresTheSubjectClaim(String service) throws IOException {
        String required = effective(service, Map.of()).getValue("smallrye.jwt.required.claims", String.class);
        assertTrue(java.util.Arrays.asList(required.split(",")).contains("sub"), service + ": " + required);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lead-ingest", "outreach-api", "telegram-auth-service", "reply-monitor", "message-generator"})
    void everyServiceDependsOnTheSharedDefaults(String service) throws IOException {
        String pom = Files.readString(ROOT.resolve(service).resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>service-defaults</artifactId>"), service + " must depend on service-defaults");
    }
}
