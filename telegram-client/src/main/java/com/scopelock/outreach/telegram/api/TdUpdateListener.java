package com.scopelock.outreach.telegram.api;

/**
 * Receives the updates of one client, in order, on that client's own (virtual) thread — never on the receive
 * thread, so a listener may block or call the client.
 */
@FunctionalInterface
public interface TdUpdateListener {
    TdUpdateListener NONE = update -> {
    };

    void onUpdate(TdUpdate update);
}
