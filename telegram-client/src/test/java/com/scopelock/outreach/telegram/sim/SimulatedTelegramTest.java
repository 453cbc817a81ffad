package com.scopelock.outreach.telegram.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.api.AuthorizationState;
import com.scopelock.outreach.telegram.api.Json;
import com.scopelock.outreach.telegram.api.Secret;
import com.scopelock.outreach.telegram.api.TdChat;
import com.scopelock.outreach.telegram.api.TdException;
import com.scopelock.outreach.telegram.api.TdFunction;
import com.scopelock.outreach.telegram.api.TdMessage;
import com.scopelock.outreach.telegram.api.TdMessages;
import com.scopelock.outreach.telegram.api.TdUpdate;
import com.scopelock.outreach.telegram.api.TdUser;
import com.scopelock.outreach.telegram.api.TdlibParameters;
import com.scopelock.outreach.telegram.api.TelegramClient;
import com.scopelock.outreach.telegram.guard.ForbiddenTdFunctionException;
import com.scopelock.outreach.telegram.ratelimit.FloodWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedTelegramTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String PHONE = "+15550001111";

    @TempDir
    Path tmp;
    private SimulatedTelegramControl control;
    private TelegramClientFactory factory;
    private long accountId;

    @BeforeEach
    void world() {
        control = new SimulatedTelegramControl(tmp.resolve("world"));
        accountId = control.addAccount(PHONE, "Mia", "Member", "mia_sales");
        factory = TelegramClientFactory.simulated(tmp.resolve("world"), WAIT, Duration.ofMillis(20),
                SimulatedModeGuard.consent("test", true));
    }

    @AfterEach
    void closeFactory() {
        factory.close();
    }

    private TelegramClient start(Path db, List<TdUpdate> updates) {
        TelegramClient client = factory.newClient(updates::add);
        assertTrue(client.simulated());
        AuthorizationState next = client.open(TdlibParameters.of(db, 94575, Secret.of("hash")), WAIT).join();
        assertTrue(next instanceof AuthorizationState.WaitPhoneNumber || next instanceof AuthorizationState.Ready,
                next.toString());
        return client;
    }

    private static AuthorizationState await(TelegramClient client, Predicate<AuthorizationState> condition) {
        return client.awaitAuthorizationState(condition, WAIT).join();
    }

    private String showQr(TelegramClient client) {
        await(client, s -> s instanceof AuthorizationState.WaitPhoneNumber);
        client.requestQrCodeAuthentication().join();
        return ((AuthorizationState.WaitOtherDeviceConfirmation) await(client,
                s -> s instanceof AuthorizationState.WaitOtherDeviceConfirmation)).link();
    }

    private TelegramClient loggedIn(Path db) {
        TelegramClient client = start(db, new CopyOnWriteArrayList<>());
        control.scan(showQr(client), PHONE);
        await(client, s -> s instanceof AuthorizationState.Ready);
        return client;
    }

    @Test
    void qrLoginWithoutPasswordThenResumesFromTheDatabaseDirectory() {
        Path db = tmp.resolve("db");
        TelegramClient client = start(db, new CopyOnWriteArrayList<>());
        String link = showQr(client);
        assertTrue(link.startsWith("tg://login?token=SIMULATED_"), link);
        assertEquals(1, control.pendingQrLogins().size());
        assertEquals(link, control.pendingQrLogins().getFirst().link());

        assertThrows(IllegalArgumentException.class, () -> control.scan("tg://login?token=forged", PHONE));
        assertEquals(accountId, control.scan(link, PHONE));
        await(client, s -> s instanceof AuthorizationState.Ready);
        TdUser me = client.getMe().join();
        assertEquals(accountId, me.id());
        assertEquals("mia_sales", me.username());
        assertTrue(control.pendingQrLogins().isEmpty());
        assertEquals(1, control.sessions(PHONE).size());
        client.close();
        assertInstanceOf(AuthorizationState.Closed.class, client.authorizationState());

        // "another process" unseals the directory: it starts ready, same account, no new session
        TelegramClient again = start(db, new CopyOnWriteArrayList<>());
        await(again, s -> s instanceof AuthorizationState.Ready);
        assertEquals(accountId, again.getMe().join().id());
        assertEquals(1, control.sessions(PHONE).size());
        again.close();

        // a fresh directory is not logged in
        TelegramClient other = start(tmp.resolve("other-db"), new CopyOnWriteArrayList<>());
        assertInstanceOf(AuthorizationState.WaitPhoneNumber.class,
                await(other, s -> s instanceof AuthorizationState.WaitPhoneNumber));
        other.close();
    }

    @Test
    void aFreshLoginIsNeverMistakenForARevokedOne() {
        // regression: the poller once checked revocation against a world read before the login created the session
        control.setPassword(PHONE, "pw", "");
        for (int i = 0; i < 25; i++) {
            TelegramClient client = start(tmp.resolve("db" + i), new CopyOnWriteArrayList<>());
            control.scan(showQr(client), PHONE);
            await(client, s -> s instanceof AuthorizationState.WaitPassword);
            client.checkAuthenticationPassword(Secret.of("pw")).join();
            await(client, s -> s instanceof AuthorizationState.Ready);
            sleep(30); // a few poller rounds
            assertInstanceOf(AuthorizationState.Ready.class, client.authorizationState(), "login " + i);
            client.close();
        }
    }

    @Test
    void qrLinkRotates() {
        control.setQrRotation(Duration.ofMillis(150));
        List<String> links = new CopyOnWriteArrayList<>();
        TelegramClient client = factory.newClient(u -> {
            if (u instanceof TdUpdate.AuthorizationStateChanged(
                    AuthorizationState.WaitOtherDeviceConfirmation(String link))) {
                links.add(link);
            }
        });
        await(client, s -> s instanceof AuthorizationState.WaitTdlibParameters);
        client.setTdlibParameters(TdlibParameters.of(tmp.resolve("db"), 1, Secret.of("h"))).join();
        String first = showQr(client);
        String later = ((AuthorizationState.WaitOtherDeviceConfirmation) await(client,
                s -> s instanceof AuthorizationState.WaitOtherDeviceConfirmation w && !w.link().equals(first)))
                .link();
        assertNotEquals(first, later);
        waitFor(() -> links.contains(first) && links.contains(later)); // the listener sees both, in order
        assertTrue(links.indexOf(first) < links.indexOf(later), links.toString());
        // the current link is scannable
        control.scan(control.pendingQrLogins().getFirst().link(), PHONE);
        await(client, s -> s instanceof AuthorizationState.Ready);
        client.close();
    }

    @Test
    void twoFactorPasswordWrongThenRight() {
        control.setPassword(PHONE, "correct horse", "horse?");
        TelegramClient client = start(tmp.resolve("db"), new CopyOnWriteArrayList<>());
        control.scan(showQr(client), PHONE);
        AuthorizationState.WaitPassword waiting = (AuthorizationState.WaitPassword) await(client,
                s -> s instanceof AuthorizationState.WaitPassword);
        assertEquals("horse?", waiting.passwordHint());

        CompletionException wrong = assertThrows(CompletionException.class,
                () -> client.checkAuthenticationPassword(Secret.of("battery staple")).join());
        TdException error = assertInstanceOf(TdException.class, wrong.getCause());
        assertEquals(400, error.error().code());
        assertEquals("PASSWORD_HASH_INVALID", error.error().message());
        assertInstanceOf(AuthorizationState.WaitPassword.class, client.authorizationState());

        client.checkAuthenticationPassword(Secret.of("correct horse")).join();
        await(client, s -> s instanceof AuthorizationState.Ready);
        assertEquals(accountId, client.getMe().join().id());
        client.close();
    }

    @Test
    void leadMessagesAndOwnMessagesArriveAsUpdatesAndInHistory() {
        List<TdUpdate> updates = new CopyOnWriteArrayList<>();
        TelegramClient client = start(tmp.resolve("db"), updates);
        control.scan(showQr(client), PHONE);
        await(client, s -> s instanceof AuthorizationState.Ready);

        var first = control.leadWrites(PHONE, "lead_anna", "Anna", "Hi, is this still available?");
        var own = control.ownerWrites(PHONE, first.chatId(), "Yes! Want a call?");
        var second = control.leadWrites(PHONE, "lead_anna", "Anna", "Sure, tomorrow");

        TdMessage arrived = awaitMessage(updates, second.messageId());
        assertEquals("Sure, tomorrow", arrived.text());
        assertFalse(arrived.isOutgoing());
        assertEquals(first.chatId(), arrived.senderUserId());
        TdMessage outgoing = awaitMessage(updates, own.messageId());
        assertTrue(outgoing.isOutgoing());
        assertEquals(accountId, outgoing.senderUserId());

        assertTrue(client.loadChats(20).join());
        assertFalse(client.loadChats(20).join(), "second loadChats answers 404 = all loaded");
        assertEquals(List.of(first.chatId()), client.getChats(20).join().chatIds());
        TdChat chat = client.getChat(first.chatId()).join();
        assertTrue(chat.isPrivate());
        assertEquals("Anna", chat.title());

        TdMessages history = client.getChatHistory(first.chatId(), 0, 0, 10).join();
        assertEquals(List.of("Sure, tomorrow", "Yes! Want a call?", "Hi, is this still available?"),
                history.messages().stream().map(TdMessage::text).toList());
        TdMessages older = client.getChatHistory(first.chatId(), second.messageId(), 0, 10).join();
        assertEquals(2, older.messages().size(), "from_message_id itself is excluded with offset 0");
        TdMessages around = client.getChatHistory(first.chatId(), own.messageId(), -1, 10).join();
        assertEquals(own.messageId(), around.messages().getFirst().id());
        assertEquals("Hi, is this still available?",
                client.getMessage(first.chatId(), first.messageId()).join().text());
        assertEquals("lead_anna", client.getUser(first.chatId()).join().username());
        client.close();
    }

    @Test
    void updateNewChatComesOnceBeforeTheFirstMessageOfANewChatAndForLoadedChats() throws Exception {
        var old = control.leadWrites(PHONE, "lead_old", "Olga", "an older chat");
        List<TdUpdate> updates = new CopyOnWriteArrayList<>();
        TelegramClient client = start(tmp.resolve("db"), updates);
        control.scan(showQr(client), PHONE);
        await(client, s -> s instanceof AuthorizationState.Ready);

        var first = control.leadWrites(PHONE, "lead_new", "Nina", "hello, first message");
        control.leadWrites(PHONE, "lead_new", "Nina", "second message");
        awaitMessage(updates, first.messageId());
        waitFor(() -> updates.stream().filter(u -> u instanceof TdUpdate.NewMessage).count() == 2);
        List<TdUpdate> chatUpdates = updates.stream()
                .filter(u -> u instanceof TdUpdate.NewChat || u instanceof TdUpdate.NewMessage).toList();
        TdChat announced = assertInstanceOf(TdUpdate.NewChat.class, chatUpdates.getFirst()).chat();
        assertEquals(first.chatId(), announced.id());
        assertEquals(first.chatId(), announced.privateUserId());
        assertEquals(1, updates.stream().filter(u -> u instanceof TdUpdate.NewChat).count(),
                "one updateNewChat per chat, and none for a chat nothing happened in");

        assertTrue(client.loadChats(20).join());
        waitFor(() -> updates.stream().anyMatch(u -> u instanceof TdUpdate.NewChat(TdChat c)
                && c.id() == old.chatId()));
        assertEquals(2, updates.stream().filter(u -> u instanceof TdUpdate.NewChat).count());
        client.close();
    }

    @Test
    void everyRequestIsReportedWithItsOutcome() {
        List<String> seen = new CopyOnWriteArrayList<>();
        TelegramClient client = factory.newClient(update -> { },
                (function, outcome) -> seen.add(function + ":" + outcome.tag()));
        client.open(TdlibParameters.of(tmp.resolve("db"), 94575, Secret.of("hash")), WAIT).join();
        control.scan(showQr(client), PHONE);
        await(client, s -> s instanceof AuthorizationState.Ready);
        client.getMe().join();
        assertThrows(CompletionException.class, () -> client.getChatHistory(424242, 0, 0, 10).join());
        control.floodWait(PHONE, Duration.ofSeconds(30));
        assertThrows(CompletionException.class, () -> client.getMe().join());
        assertThrows(ForbiddenTdFunctionException.class,
                () -> client.send(new TdFunction.Raw(Json.object("sendMessage"))));
        client.close();
        waitFor(() -> seen.contains("close:ok"));
        assertTrue(seen.containsAll(List.of("getOption:ok", "setTdlibParameters:ok",
                "requestQrCodeAuthentication:ok", "getMe:ok", "getChatHistory:not_found", "getMe:flood_wait",
                "sendMessage:error")), seen.toString());
    }

    @Test
    void anyImportedLeadCanReplyByItsTelegramIdOrUsername() {
        List<TdUpdate> updates = new CopyOnWriteArrayList<>();
        TelegramClient client = start(tmp.resolve("db"), updates);
        control.scan(showQr(client), PHONE);
        await(client, s -> s instanceof AuthorizationState.Ready);
        long liam = 7_944_133_972L; // a telegram_id from a lead file, unknown to the world so far

        var reply = control.leadWrites(PHONE, Long.toString(liam), "Liam", "Yes, tell me more");
        assertEquals(liam, reply.chatId(), "the lead acts with exactly its imported id");
        TdMessage arrived = awaitMessage(updates, reply.messageId());
        assertEquals(liam, arrived.senderUserId());
        assertEquals(liam, arrived.chatId());
        assertFalse(arrived.isOutgoing());
        assertEquals("Liam", client.getUser(liam).join().firstName());

        assertEquals(liam, control.addLead(liam, null, "Ubc", "liam_ubc"));
        var byUsername = control.leadWrites(PHONE, "@liam_ubc", null, "when can we talk?");
        assertEquals(liam, byUsername.chatId(), "the username finds the same lead");
        TdUser user = client.getUser(liam).join();
        assertEquals("liam_ubc", user.username());
        assertEquals("Liam", user.firstName(), "names not given are kept");
        assertEquals(List.of(liam), client.getChats(20).join().chatIds());

        // a lead holding the next free id does not collide with accounts made later
        long next = control.snapshot().nextUserId;
        control.addLead(next, "Taken", null, null);
        long member = control.addAccount("+15550009999", "Other", "Member", null);
        assertNotEquals(next, member);
        assertThrows(IllegalArgumentException.class, () -> control.addLead(0, "Zero", null, null));
        client.close();
    }

    @Test
    void theMembersManualSendIsAnOutgoingMessageInANewChat() {
        List<TdUpdate> updates = new CopyOnWriteArrayList<>();
        TelegramClient client = start(tmp.resolve("db"), updates);
        control.scan(showQr(client), PHONE);
        await(client, s -> s instanceof AuthorizationState.Ready);
        long lead = 6_100_200_300L;
        assertEquals(List.of(), client.getChats(20).join().chatIds(), "no chat before the first message");

        var sent = control.memberSends(PHONE, Long.toString(lead), "Hey Liam, saw your raid updates");
        assertEquals(accountId, sent.accountUserId());
        assertEquals(lead, sent.chatId());
        TdMessage outgoing = awaitMessage(updates, sent.messageId());
        assertTrue(outgoing.isOutgoing());
        assertEquals(accountId, outgoing.senderUserId());
        assertEquals(lead, outgoing.chatId());
        assertEquals(List.of(lead), client.getChats(20).join().chatIds());
        assertEquals(List.of("Hey Liam, saw your raid updates"),
                client.getChatHistory(lead, 0, 0, 10).join().messages().stream().map(TdMessage::text).toList());

        var again = control.ownerWrites(PHONE, lead, "(the same by chat id)");
        assertEquals(lead, again.chatId());
        var reply = control.leadWrites(PHONE, Long.toString(lead), "Liam", "Sounds good!");
        assertEquals(lead, reply.chatId(), "the lead answers in the chat the member started");
        assertEquals(3, client.getChatHistory(lead, 0, 0, 10).join().messages().size());
        assertThrows(IllegalArgumentException.class, () -> control.memberSends(PHONE, Long.toString(accountId), "me"));
        client.close();
    }

    private static TdMessage awaitMessage(List<TdUpdate> updates, long messageId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (TdUpdate update : updates) {
                if (update instanceof TdUpdate.NewMessage(TdMessage m) && m.id() == messageId) {
                    return m;
                }
            }
            sleep(10);
        }
        throw new AssertionError("no updateNewMessage " + messageId + " in " + updates);
    }

    @Test
    void revokedFromThePhoneLogsOutClosesAndAnswers401() {
        Path db = tmp.resolve("db");
        TelegramClient client = loggedIn(db);
        List<AuthorizationState> seen = new CopyOnWriteArrayList<>();
        client.awaitAuthorizationState(s -> {
            seen.add(s);
            return false;
        }, WAIT).exceptionally(e -> null);
        assertEquals(1, control.revokeSessions(PHONE));
        await(client, s -> s instanceof AuthorizationState.Closed);
        assertTrue(seen.stream().anyMatch(s -> s instanceof AuthorizationState.LoggingOut), seen.toString());
        CompletionException e = assertThrows(CompletionException.class, () -> client.getMe().join());
        assertEquals(401, assertInstanceOf(TdException.class, e.getCause()).error().code());
        assertFalse(SimulatedSessionMarker.read(db).isPresent(), "session marker removed");
        client.close();

        TelegramClient restarted = start(db, new CopyOnWriteArrayList<>());
        await(restarted, s -> s instanceof AuthorizationState.WaitPhoneNumber);
        restarted.close();
    }

    @Test
    void floodWaitOnDemand() {
        TelegramClient client = loggedIn(tmp.resolve("db"));
        var ref = control.leadWrites(PHONE, "lead_bob", "Bob", "hello");
        control.floodWait(PHONE, Duration.ofSeconds(7));
        CompletionException e = assertThrows(CompletionException.class,
                () -> client.getChatHistory(ref.chatId(), 0, 0, 10).join());
        TdException td = assertInstanceOf(TdException.class, e.getCause());
        assertEquals(429, td.error().code());
        assertTrue(td.error().message().matches("Too Many Requests: retry after [67]"), td.error().message());
        assertTrue(FloodWait.retryAfter(e).orElseThrow().toSeconds() >= 6);
        control.floodWait(PHONE, Duration.ZERO);
        assertEquals(1, client.getChatHistory(ref.chatId(), 0, 0, 10).join().messages().size());
        client.close();
    }

    @Test
    void networkLossHoldsRequestsUntilItIsBack() throws Exception {
        List<TdUpdate> updates = new CopyOnWriteArrayList<>();
        TelegramClient client = start(tmp.resolve("db"), updates);
        control.scan(showQr(client), PHONE);
        await(client, s -> s instanceof AuthorizationState.Ready);
        var ref = control.leadWrites(PHONE, "lead_cy", "Cy", "ping");

        control.setNetworkDown(true);
        waitFor(() -> updates.contains(new TdUpdate.ConnectionStateChanged("connectionStateWaitingForNetwork")));
        CompletableFuture<?> timesOut = client.send(new TdFunction.GetChatHistory(ref.chatId(), 0, 0, 10, false),
                Duration.ofMillis(200));
        CompletionException e = assertThrows(CompletionException.class, timesOut::join);
        assertInstanceOf(TimeoutException.class, e.getCause());

        CompletableFuture<TdMessages> held = client.getChatHistory(ref.chatId(), 0, 0, 10);
        sleep(150);
        assertFalse(held.isDone(), "no answer while the network is down");
        control.setNetworkDown(false);
        assertEquals("ping", held.get(5, TimeUnit.SECONDS).messages().getFirst().text());
        waitFor(() -> updates.contains(new TdUpdate.ConnectionStateChanged("connectionStateReady")));
        client.close();
    }

    @Test
    void passwordSentWhileOfflineCompletesTheLoginWhenTheNetworkIsBack() throws Exception {
        control.setPassword(PHONE, "pw", "");
        TelegramClient client = start(tmp.resolve("db"), new CopyOnWriteArrayList<>());
        control.scan(showQr(client), PHONE);
        await(client, s -> s instanceof AuthorizationState.WaitPassword);
        control.setNetworkDown(true);
        sleep(60);
        CompletableFuture<Void> check = client.checkAuthenticationPassword(Secret.of("pw"));
        sleep(100);
        assertFalse(check.isDone());
        control.setNetworkDown(false);
        check.get(5, TimeUnit.SECONDS);
        await(client, s -> s instanceof AuthorizationState.Ready);
        sleep(100);
        assertInstanceOf(AuthorizationState.Ready.class, client.authorizationState());
        assertEquals(accountId, client.getMe().join().id());
        client.close();
    }

    @Test
    void logOutEndsTheSession() {
        Path db = tmp.resolve("db");
        TelegramClient client = loggedIn(db);
        client.logOut().join();
        await(client, s -> s instanceof AuthorizationState.Closed);
        assertTrue(control.sessions(PHONE).getFirst().revoked());
        assertFalse(SimulatedSessionMarker.read(db).isPresent());
    }

    @Test
    void guardRefusesWritesOnTheSimulatorToo() {
        TelegramClient client = loggedIn(tmp.resolve("db"));
        var ref = control.leadWrites(PHONE, "lead_dan", "Dan", "hi");
        for (String write : List.of("sendMessage", "viewMessages", "openChat", "forwardMessages", "deleteMessages",
                "editMessageText", "joinChat", "addChatMember", "searchPublicChat")) {
            assertThrows(ForbiddenTdFunctionException.class, () -> client.send(new TdFunction.Raw(
                    Json.object(write).put("chat_id", ref.chatId()))), write);
        }
        assertEquals(1, control.snapshot().messages.size(), "nothing was written");
        client.close();
    }

    @Test
    void closedClientAbortsRequests() {
        TelegramClient client = start(tmp.resolve("db"), new CopyOnWriteArrayList<>());
        client.close();
        CompletionException e = assertThrows(CompletionException.class, () -> client.getMe().join());
        assertEquals(500, assertInstanceOf(TdException.class, e.getCause()).error().code());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
