package com.scopelock.outreach.telegram.tdjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.Json;
import com.scopelock.outreach.telegram.api.Secret;
import com.scopelock.outreach.telegram.api.TdFunction;
import com.scopelock.outreach.telegram.api.TdUpdate;
import com.scopelock.outreach.telegram.api.TdlibParameters;
import com.scopelock.outreach.telegram.guard.ForbiddenTdFunctionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the real libtdjson.so (TDLib 1.8.67), offline: td_execute, a client from waitTdlibParameters to
 * waitPhoneNumber, and a clean close. Prints the measured timings.
 */
class TdJsonBindingRealLibraryTest {
    /** TDLib's public test application (fine offline). */
    private static final int API_ID = 94575;
    private static final Secret API_HASH = Secret.of("a3406de8d171bb422bb6ddf3bbd800e2");

    private static NativeTdJson tdjson;

    @BeforeAll
    static void load() {
        long start = System.nanoTime();
        tdjson = NativeTdJson.load(TdLibraryLocator.locate());
        System.out.printf("[real TDLib] loaded %s in %d ms%n", tdjson.library(), ms(start));
    }

    @Test
    void executesSynchronousFunctions() {
        ObjectNode request = Json.object("getTextEntities").put("text", "write to @durov at https://telegram.org");
        ObjectNode answer = tdjson.execute(request);
        assertEquals("textEntities", Json.type(answer));
        List<String> types = answer.path("entities").findValuesAsText("@type");
        assertTrue(types.contains("textEntityTypeMention"), types.toString());
        assertTrue(types.contains("textEntityTypeUrl"), types.toString());

        ObjectNode ok = tdjson.execute(Json.object("setLogVerbosityLevel").put("new_verbosity_level", 1));
        assertEquals("ok", Json.type(ok));
        ObjectNode level = tdjson.execute(Json.object("getLogVerbosityLevel"));
        assertEquals(1, level.path("verbosity_level").asInt());

        ObjectNode version = tdjson.execute(Json.object("getOption").put("name", "version"));
        assertEquals("1.8.67", version.path("value").asText());
    }

    @Test
    void onlyTheDispatcherThreadMayReceive() throws InterruptedException {
        TdDispatcher dispatcher = TdDispatcher.of(tdjson);
        assertEquals(dispatcher, TdDispatcher.of(tdjson), "one dispatcher per process");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (tdjson.receiveThread() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("tdlib-receive", tdjson.receiveThread().getName());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tdjson.receive(0.0));
        assertTrue(e.getMessage().contains("one thread"), e.getMessage());
        assertThrows(IllegalStateException.class, dispatcher::stop, "the real receive thread is never stopped");
    }

    @Test
    void refusesWritesBeforeTheyReachTheLibrary() {
        assertThrows(ForbiddenTdFunctionException.class,
                () -> tdjson.send(1, Json.object("sendMessage").put("chat_id", 1)));
        assertThrows(ForbiddenTdFunctionException.class,
                () -> tdjson.execute(Json.object("viewMessages").put("chat_id", 1)));
    }

    @Test
    void reachesWaitPhoneNumberOfflineAndClosesCleanly(@TempDir Path dir) throws Exception {
        List<TdUpdate> updates = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        try (JsonTelegramClient client = JsonTelegramClient.create(tdjson, updates::add, Duration.ofSeconds(10))) {
            assertFalse(client.simulated());
            client.awaitAuthorizationState(s -> s instanceof AuthorizationState.WaitTdlibParameters,
                    Duration.ofSeconds(10)).join();
            long created = ms(start);

            Path db = Files.createDirectories(dir.resolve("db"));
            TdlibParameters parameters = TdlibParameters.of(db, API_ID, API_HASH).withTestDc(true);
            long sent = System.nanoTime();
            client.setTdlibParameters(parameters).get();
            AuthorizationState state = client.awaitAuthorizationState(
                    s -> s instanceof AuthorizationState.WaitPhoneNumber, Duration.ofSeconds(10)).join();
            long toPhone = ms(sent);
            assertInstanceOf(AuthorizationState.WaitPhoneNumber.class, state);
            assertInstanceOf(AuthorizationState.WaitPhoneNumber.class, client.getAuthorizationState().join());

            JsonNode version = client.send(new TdFunction.GetOption("version")).join();
            assertEquals("1.8.67", version.path("value").asText());
            assertTrue(Files.list(db).findAny().isPresent(), "TDLib wrote its database");

            assertThrows(ForbiddenTdFunctionException.class,
                    () -> client.send(new TdFunction.Raw(Json.object("sendMessage").put("chat_id", 777))));

            long closing = System.nanoTime();
            client.close();
            long toClosed = ms(closing);
            assertInstanceOf(AuthorizationState.Closed.class, client.authorizationState());
            System.out.printf("[real TDLib] client created→waitTdlibParameters %d ms, setTdlibParameters→"
                    + "waitPhoneNumber %d ms, close→closed %d ms%n", created, toPhone, toClosed);
        }
        assertTrue(updates.stream().anyMatch(u -> u instanceof TdUpdate.AuthorizationStateChanged(
                AuthorizationState s) && s instanceof AuthorizationState.WaitPhoneNumber), updates.toString());
        assertEquals(0, TdDispatcher.of(tdjson).registeredClients());
    }

    @Test
    void routesUpdatesOfTwoClientsByClientId(@TempDir Path dir) {
        List<TdUpdate> first = new CopyOnWriteArrayList<>();
        List<TdUpdate> second = new CopyOnWriteArrayList<>();
        try (JsonTelegramClient a = JsonTelegramClient.create(tdjson, first::add, Duration.ofSeconds(10));
             JsonTelegramClient b = JsonTelegramClient.create(tdjson, second::add, Duration.ofSeconds(10))) {
            assertTrue(a.id() != b.id());
            AuthorizationState stateA = a.open(TdlibParameters.of(dir.resolve("a"), API_ID, API_HASH)
                    .withTestDc(true), Duration.ofSeconds(10)).join();
            assertInstanceOf(AuthorizationState.WaitPhoneNumber.class, stateA);
            // b got no parameters yet: a's progress must not leak into b
            assertInstanceOf(AuthorizationState.WaitTdlibParameters.class, b.authorizationState());
            assertInstanceOf(AuthorizationState.WaitTdlibParameters.class, b.getAuthorizationState().join());
            AuthorizationState stateB = b.open(TdlibParameters.of(dir.resolve("b"), API_ID, API_HASH)
                    .withTestDc(true), Duration.ofSeconds(10)).join();
            assertInstanceOf(AuthorizationState.WaitPhoneNumber.class, stateB);
        }
        assertFalse(first.isEmpty());
        assertFalse(second.isEmpty());
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
