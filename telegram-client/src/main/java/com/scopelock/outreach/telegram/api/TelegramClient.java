package com.scopelock.outreach.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One Telegram account session (one TDLib client), real or simulated. Every send goes through the read-only
 * guard: a forbidden function throws {@link com.scopelock.outreach.telegram.guard.ForbiddenTdFunctionException}
 * at once and never reaches TDLib. Futures fail with {@link TdException} on a TDLib error and with
 * {@link java.util.concurrent.TimeoutException} when no answer came in time.
 */
public interface TelegramClient extends AutoCloseable {

    /** TDLib's client id (unique per process and transport). */
    int id();

    /** True for the simulated Telegram — show it wherever this session's status is shown. */
    boolean simulated();

    /** The last authorization state this client reported ({@code Other("unknown")} before the first one). */
    AuthorizationState authorizationState();

    /** Completes with the first state (current or future) matching {@code condition}. */
    CompletableFuture<AuthorizationState> awaitAuthorizationState(Predicate<AuthorizationState> condition,
                                                                  Duration timeout);

    /** Sends a function; the answer is TDLib's JSON object (never {@code error}: that fails the future). */
    CompletableFuture<JsonNode> send(TdFunction function, Duration timeout);

    /** {@link #send(TdFunction, Duration)} with the client's default timeout. */
    CompletableFuture<JsonNode> send(TdFunction function);

    /**
     * Sends {@code close} (keeping the session in the database directory) and waits, bounded, for
     * {@code authorizationStateClosed}. Idempotent.
     */
    @Override
    void close();

    // ---- typed helpers ----

    /**
     * Answers {@code authorizationStateWaitTdlibParameters} with {@code parameters} and completes with the state
     * that follows: {@link AuthorizationState.WaitPhoneNumber} for a new database directory (start a QR login),
     * {@link AuthorizationState.Ready} for one that holds a session (e.g. unsealed by the reply monitor).
     */
    default CompletableFuture<AuthorizationState> open(TdlibParameters parameters, Duration timeout) {
        return awaitAuthorizationState(s -> s instanceof AuthorizationState.WaitTdlibParameters, timeout)
                .thenCompose(s -> setTdlibParameters(parameters))
                .thenCompose(ok -> awaitAuthorizationState(s -> !(s instanceof AuthorizationState.WaitTdlibParameters),
                        timeout));
    }

    default CompletableFuture<Void> setTdlibParameters(TdlibParameters parameters) {
        return send(new TdFunction.SetTdlibParameters(parameters)).thenApply(ok -> null);
    }

    default CompletableFuture<AuthorizationState> getAuthorizationState() {
        return send(new TdFunction.GetAuthorizationState()).thenApply(AuthorizationState::from);
    }

    /** Starts QR login; the link arrives as {@link AuthorizationState.WaitOtherDeviceConfirmation}. */
    default CompletableFuture<Void> requestQrCodeAuthentication() {
        return send(new TdFunction.RequestQrCodeAuthentication()).thenApply(ok -> null);
    }

    /** Fails with {@link TdException} 400 {@code PASSWORD_HASH_INVALID} on a wrong password. */
    default CompletableFuture<Void> checkAuthenticationPassword(Secret password) {
        return send(new TdFunction.CheckAuthenticationPassword(password)).thenApply(ok -> null);
    }

    default CompletableFuture<TdUser> getMe() {
        return send(new TdFunction.GetMe()).thenApply(TdUser::from);
    }

    default CompletableFuture<TdUser> getUser(long userId) {
        return send(new TdFunction.GetUser(userId)).thenApply(TdUser::from);
    }

    default CompletableFuture<TdChat> getChat(long chatId) {
        return send(new TdFunction.GetChat(chatId)).thenApply(TdChat::from);
    }

    /** Completes with {@code true} if more chats may follow, {@code false} once all are loaded (TDLib's 404). */
    default CompletableFuture<Boolean> loadChats(int limit) {
        return send(new TdFunction.LoadChats(limit)).handle((ok, error) -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            if (cause == null) {
                return true;
            }
            if (cause instanceof TdException td && td.error().code() == 404) {
                return false;
            }
            throw error instanceof RuntimeException re ? re : new java.util.concurrent.CompletionException(cause);
        });
    }

    default CompletableFuture<TdChats> getChats(int limit) {
        return send(new TdFunction.GetChats(limit)).thenApply(TdChats::from);
    }

    /** Newest first. Read-only: does not mark messages as read (that would be viewMessages, which is refused). */
    default CompletableFuture<TdMessages> getChatHistory(long chatId, long fromMessageId, int offset, int limit) {
        return send(new TdFunction.GetChatHistory(chatId, fromMessageId, offset, limit, false))
                .thenApply(TdMessages::from);
    }

    default CompletableFuture<TdMessage> getMessage(long chatId, long messageId) {
        return send(new TdFunction.GetMessage(chatId, messageId)).thenApply(TdMessage::from);
    }

    /** Ends the session on Telegram's side too (the database directory becomes useless). */
    default CompletableFuture<Void> logOut() {
        return send(new TdFunction.LogOut()).thenApply(ok -> null);
    }
}
