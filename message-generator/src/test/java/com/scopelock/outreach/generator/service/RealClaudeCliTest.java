package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.RealClaudeCli;
import com.scopelock.outreach.generator.config.GeneratorConfig;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Claude CLI (npm {@code @anthropic-ai/claude-code}, pinned in deploy/local/claude-code.version), run
 * offline with the generator's exact arguments and environment: {@link CliSettings#from} over the production
 * {@link GeneratorConfig} defaults (SmallRye's own mapping), with {@code claude} found on PATH as in production
 * and an empty temporary HOME. Where the CLI must get past the login, a stand-in for Claude's service (a local
 * HTTP server answering 400 to every request, reached through ANTHROPIC_BASE_URL) takes the API's place.
 */
class RealClaudeCliTest {
    private static final String MARKER = "LEADDATA-7f3a9c";
    private static Path claude;

    @BeforeAll
    static void install() throws Exception {
        claude = RealClaudeCli.executable();
        Process version = new ProcessBuilder(claude.toString(), "--version").redirectErrorStream(true).start();
        String answer = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(version.waitFor(30, TimeUnit.SECONDS));
        assertTrue(answer.startsWith(RealClaudeCli.pinnedVersion() + " "), answer);
        System.out.println("[real CLI] claude --version: " + answer);
    }

    /** The production configuration (all @WithDefault values) plus {@code overrides}. */
    private static GeneratorConfig.Cli productionConfig(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(overrides);
        properties.putIfAbsent("generator.template.profile-labels.unknown", "community");
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(GeneratorConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus' "10s" form, as in the service
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return config.getConfigMapping(GeneratorConfig.class).cli();
    }

    /** What the service's environment holds on a machine with the CLI installed and nothing else configured. */
    private static Map<String, String> serviceEnvironment(Path home, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("PATH", claude.getParent() + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }

    private static List<Path> everythingUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).toList();
        }
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (Files.readString(p, StandardCharsets.ISO_8859_1).contains(text)) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    private static CliOutcome run(CliSettings settings) throws Exception {
        try (ClaudeCliClient client = new ClaudeCliClient(settings)) {
            return client.run("Write a first message.\nname: \"" + MARKER + "\"\n").get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void theGeneratorsArgumentsParseAndTheCliFailsOnlyOnTheMissingLogin(@TempDir Path home) throws Exception {
        CliSettings settings = CliSettings.from(productionConfig(Map.of()), serviceEnvironment(home, Map.of()));
        assertEquals(List.of("claude", "-p", "--tools=", "--strict-mcp-config", "--max-turns", "1", "--output-format",
                "text", "--no-session-persistence"), settings.command());

        var failed = assertInstanceOf(CliOutcome.Failed.class, run(settings));
        String output = "stdout: " + failed.stdoutTail().strip() + " | stderr: " + failed.stderrTail().strip();
        System.out.println("[real CLI] claude " + String.join(" ", settings.command().subList(1, settings.command().size()))
                + " (empty HOME, offline): " + failed.reason() + "; " + output);
        assertEquals("Claude CLI failed with exit code 1", failed.reason());
        assertTrue(output.contains("Not logged in"), output);
        String lower = output.toLowerCase(java.util.Locale.ROOT);
        for (String flagProblem : List.of("unknown option", "unknown argument", "error: option", "invalid", "usage:")) {
            assertFalse(lower.contains(flagProblem), "the CLI complained about its arguments: " + output);
        }
        assertEquals(List.of(), everythingUnder(home), "the CLI wrote under HOME");
    }

    @Test
    void authStatusOfTheRealCliIsReadAsTheLoginState(@TempDir Path home) throws Exception {
        Map<String, String> env = serviceEnvironment(home, Map.of());

        CliStatus loggedOut = new ClaudeCliStatusProbe(CliSettings.from(productionConfig(Map.of()), env),
                Clock.systemUTC()).refresh();
        assertEquals(CliState.NOT_LOGGED_IN, loggedOut.state(), loggedOut.detail());
        assertEquals("templates only: Claude is not logged in", loggedOut.summary());
        assertTrue(loggedOut.durationMs() < 10_000, "auth status took " + loggedOut.durationMs() + " ms");

        CliStatus withToken = new ClaudeCliStatusProbe(CliSettings.from(productionConfig(Map.of(
                "generator.cli.oauth-token", "sk-ant-oat01-not-a-real-token")), env), Clock.systemUTC()).refresh();
        assertEquals(CliState.READY, withToken.state(), withToken.detail());
        assertEquals("oauth_token", withToken.authMethod());

        CliStatus withKey = new ClaudeCliStatusProbe(CliSettings.from(productionConfig(Map.of(
                "generator.cli.api-key", "sk-ant-api03-not-a-real-key")), env), Clock.systemUTC()).refresh();
        assertEquals(CliState.READY, withKey.state(), withKey.detail());
        assertEquals("api_key", withKey.authMethod());

        CliStatus notInstalled = new ClaudeCliStatusProbe(CliSettings.from(productionConfig(Map.of(
                "generator.cli.command", home.resolve("no-such-claude") + ",-p")), env), Clock.systemUTC()).refresh();
        assertEquals(CliState.NOT_INSTALLED, notInstalled.state());

        System.out.printf("[real CLI] auth status: logged out -> %s in %d ms; token -> %s in %d ms; key -> %s in %d ms%n",
                loggedOut.state().tag(), loggedOut.durationMs(), withToken.detail(), withToken.durationMs(),
                withKey.detail(), withKey.durationMs());
        printRawAuthStatus(env);
        assertEquals(List.of(), everythingUnder(home), "auth status wrote under HOME");
    }

    /** The raw answer, for the record (the parser is tested on it above). */
    private static void printRawAuthStatus(Map<String, String> env) throws Exception {
        CliSettings settings = CliSettings.from(productionConfig(Map.of()), env);
        Path runDir = ClaudeCliClient.createRunDir();
        try {
            Process p = ClaudeCliClient.processBuilder(settings.statusCommand(), settings.environment(), runDir)
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            System.out.println("[real CLI] " + String.join(" ", settings.statusCommand()) + " -> exit " + p.exitValue()
                    + "\n" + out.replace(runDir.toString(), "<run dir>"));
            assertEquals(CliState.NOT_LOGGED_IN, AuthStatusParser.parse(p.exitValue(), out, null, 0).state());
        } finally {
            ClaudeCliClient.deleteQuietly(runDir);
        }
    }

    @Test
    void leadDataInThePromptIsNeverStoredUnderHome(@TempDir Path tmp) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        standIn.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"stand-in for Claude's service\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        standIn.start();
        try {
            Map<String, String> serviceEnv = Map.of("ANTHROPIC_BASE_URL",
                    "http://127.0.0.1:" + standIn.getAddress().getPort());
            String key = "sk-ant-api03-stand-in";

            // production defaults: private config dir + --no-session-persistence -> HOME stays empty
            Path home = Files.createDirectory(tmp.resolve("home-default"));
            CliOutcome outcome = run(CliSettings.from(productionConfig(Map.of("generator.cli.api-key", key)),
                    serviceEnvironment(home, serviceEnv)));
            assertInstanceOf(CliOutcome.Failed.class, outcome);
            int afterFirst = requests.get();
            assertTrue(afterFirst > 0, "the CLI never reached the stand-in for Claude's service");
            assertEquals(List.of(), everythingUnder(home), "the CLI wrote under HOME");

            // the CLI's config under HOME (private-config-dir=false): it keeps settings there, but not the prompt
            Path sharedHome = Files.createDirectory(tmp.resolve("home-shared"));
            Map<String, String> shared = Map.of("generator.cli.api-key", key, "generator.cli.private-config-dir", "false");
            assertInstanceOf(CliOutcome.Failed.class, run(CliSettings.from(productionConfig(shared),
                    serviceEnvironment(sharedHome, serviceEnv))));
            assertTrue(requests.get() > afterFirst);
            assertEquals(List.of(), filesContaining(sharedHome, MARKER), "the prompt was stored under HOME");

            // control: the same without --no-session-persistence stores the whole prompt (why the flag is there)
            Path controlHome = Files.createDirectory(tmp.resolve("home-control"));
            List<String> withoutFlag = new ArrayList<>(productionConfig(Map.of()).extraArgs());
            assertTrue(withoutFlag.remove("--no-session-persistence"));
            Map<String, String> control = new HashMap<>(shared);
            control.put("generator.cli.extra-args", String.join(",", withoutFlag));
            CliSettings controlSettings = CliSettings.from(productionConfig(control), serviceEnvironment(controlHome, serviceEnv));
            assertFalse(controlSettings.command().contains("--no-session-persistence"));
            assertInstanceOf(CliOutcome.Failed.class, run(controlSettings));
            List<Path> stored = filesContaining(controlHome, MARKER);
            assertFalse(stored.isEmpty(), "without the flag the CLI should have stored the prompt (control)");
            System.out.println("[real CLI] without --no-session-persistence the prompt was stored in "
                    + stored.stream().map(p -> controlHome.relativize(p).toString()).toList());
        } finally {
            standIn.stop(0);
        }
    }
}
