package com.scopelock.outreach.telegram.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.Json;
import com.scopelock.outreach.telegram.api.Secret;
import com.scopelock.outreach.telegram.api.TdMessage;
import com.scopelock.outreach.telegram.api.TdUpdate;
import com.scopelock.outreach.telegram.api.TdlibParameters;
import com.scopelock.outreach.telegram.api.TelegramClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The world is shared with other processes: a separate JVM drives it through {@link SimulatedTelegramCli}. */
class SimulatedTelegramCrossProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void anotherProcessScansTheQrCodeAndWritesMessages() throws Exception {
        Path world = tmp.resolve("world");
        JsonNode added = cli(world, "add-account", "+15550002222", "Max", "Member", "max_sales");
        long accountId = added.path("user_id").asLong();
        assertTrue(added.path("simulated").asBoolean());

        BlockingQueue<TdMessage> messages = new LinkedBlockingQueue<>();
        try (TelegramClientFactory factory = TelegramClientFactory.simulated(world, WAIT, Duration.ofMillis(20),
                SimulatedModeGuard.consent("test", true))) {
            TelegramClient client = factory.newClient(u -> {
                if (u instanceof TdUpdate.NewMessage(TdMessage m)) {
                    messages.add(m);
                }
            });
            client.awaitAuthorizationState(s -> s instanceof AuthorizationState.WaitTdlibParameters, WAIT).join();
            client.setTdlibParameters(TdlibParameters.of(tmp.resolve("db"), 1, Secret.of("h"))).join();
            client.requestQrCodeAuthentication().join();
            String link = ((AuthorizationState.WaitOtherDeviceConfirmation) client.awaitAuthorizationState(
                    s -> s instanceof AuthorizationState.WaitOtherDeviceConfirmation, WAIT).join()).link();

            JsonNode pending = cli(world, "pending-qr").path("pending");
            assertEquals(link, pending.get(0).path("link").asText());
            assertEquals(accountId, cli(world, "scan", link, "+15550002222").path("user_id").asLong());
            client.awaitAuthorizationState(s -> s instanceof AuthorizationState.Ready, WAIT).join();

            // four processes write at once: the file lock keeps every message
            List<Process> writers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                writers.add(start(world, "lead-writes", "+15550002222", "lead_" + i, "Lead", "hello", "#" + i));
            }
            for (Process writer : writers) {
                assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, writer.exitValue(), new String(writer.getErrorStream().readAllBytes()));
            }
            HashSet<String> texts = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                TdMessage m = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertTrue(m != null, "updateNewMessage " + i + " arrived");
                texts.add(m.text());
            }
            assertEquals(java.util.Set.of("hello #0", "hello #1", "hello #2", "hello #3"), texts);
            assertEquals(4, client.getChats(10).join().chatIds().size());

            assertEquals(1, cli(world, "revoke", "+15550002222").path("revoked").asInt());
            client.awaitAuthorizationState(s -> s instanceof AuthorizationState.Closed, WAIT).join();
            client.close();
        }
    }

    @Test
    void cliRejectsBadUsage() throws Exception {
        Process p = start(tmp.resolve("w"), "scan", "tg://login?token=nope", "+1000");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(err.contains("SIMULATED TELEGRAM") && err.contains("\"simulated\":true"), err);
    }

    @Test
    void helpPrintsTheCommandsAndExitsZero() throws Exception {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("--world", tmp.resolve("w").toString(), "--help"),
                List.of("help"))) {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), SimulatedTelegramCli.class.getName()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), args + ": " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(out.contains("usage:") && out.contains("member-sends") && out.contains("add-lead"), args + ": " + out);
        }
    }

    @Test
    void anImportedLeadRepliesAndTheMembersManualSendFromTheCommandLine() throws Exception {
        Path world = tmp.resolve("world");
        cli(world, "add-account", "+15550003333", "Ada", "Member");
        assertEquals(7944133972L, cli(world, "add-lead", "7944133972", "Liam", "", "liam_ubc").path("user_id").asLong());
        JsonNode sent = cli(world, "member-sends", "+15550003333", "@liam_ubc", "Hey", "Liam!").path("message");
        assertEquals(7944133972L, sent.path("chat_id").asLong());
        JsonNode reply = cli(world, "lead-writes", "+15550003333", "7944133972", "Liam", "Tell", "me", "more").path("message");
        assertEquals(7944133972L, reply.path("chat_id").asLong());
        SimWorld snapshot = new SimulatedTelegramControl(world).snapshot();
        List<SimWorld.Message> chat = snapshot.messagesOf(reply.path("account_user_id").asLong(), 7944133972L);
        assertEquals(List.of("Hey Liam!", "Tell me more"), chat.stream().map(m -> m.text).toList());
        assertEquals(List.of(true, false), chat.stream().map(m -> m.outgoing).toList());
    }

    private static JsonNode cli(Path world, String... args) throws IOException, InterruptedException {
        Process p = start(world, args);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return Json.MAPPER.readTree(out);
    }

    private static Process start(Path world, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), SimulatedTelegramCli.class.getName(),
                "--world", world.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
