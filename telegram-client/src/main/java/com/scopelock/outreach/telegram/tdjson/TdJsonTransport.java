package com.scopelock.outreach.telegram.tdjson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.scopelock.outreach.telegram.api.Json;
import com.scopelock.outreach.telegram.guard.ReadOnlyGuard;

/**
 * TDLib's JSON interface ({@code td_create_client_id}, {@code td_send}, {@code td_receive}, {@code td_execute}):
 * implemented by the real library ({@link NativeTdJson}) and by the simulated Telegram. The public send paths
 * are final and pass the {@link ReadOnlyGuard} first, so no implementation or caller can go around it.
 * {@link #receive(double)} is for {@link TdDispatcher} only (one receive thread per transport).
 */
public abstract class TdJsonTransport {

    /** True for the simulated Telegram. */
    public abstract boolean simulated();

    /** A new client id; TDLib creates the client when the first request is sent to it. */
    public abstract int createClientId();

    /** Guarded td_send. Throws {@link com.scopelock.outreach.telegram.guard.ForbiddenTdFunctionException}. */
    public final void send(int clientId, ObjectNode request) {
        ReadOnlyGuard.check(request);
        doSend(clientId, Json.write(request));
    }

    /** Guarded td_execute of a synchronous function; returns TDLib's answer. */
    public final ObjectNode execute(ObjectNode request) {
        ReadOnlyGuard.checkExecute(request);
        String answer = doExecute(Json.write(request));
        return answer == null ? null : Json.parseObject(answer);
    }

    /** The raw send, reached only through {@link #send(int, ObjectNode)}. */
    protected abstract void doSend(int clientId, String json);

    /** The raw execute, reached only through {@link #execute(ObjectNode)}. */
    protected abstract String doExecute(String json);

    /** Next response or update as a JSON string (copied), or null after {@code timeoutSeconds}. */
    protected abstract String receive(double timeoutSeconds);
}
