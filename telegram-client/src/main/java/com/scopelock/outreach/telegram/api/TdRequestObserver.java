package com.scopelock.outreach.telegram.api;

import com.scopelock.outreach.telegram.ratelimit.FloodWait;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Sees every request a client sends (including the ones its helpers and {@code close} send) once it is answered,
 * failed or timed out — for counting requests per account and outcome. Called on the completing thread: keep it
 * short and never block.
 */
@FunctionalInterface
public interface TdRequestObserver {
    TdRequestObserver NONE = (function, outcome) -> {
    };

    void completed(String function, Outcome outcome);

    /** How a request ended, coarse enough for a metric tag. */
    enum Outcome {
        OK, NOT_FOUND, FLOOD_WAIT, ERROR;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * {@code null} is success; TDLib's 404, and 400 "… not found" (e.g. "Chat not found"), are {@code NOT_FOUND};
         * 429 / "retry after N" / FLOOD_WAIT_N are {@code FLOOD_WAIT}; everything else (other TDLib errors,
         * timeouts, a refused send) is {@code ERROR}.
         */
        public static Outcome of(Throwable failure) {
            if (failure == null) {
                return OK;
            }
            if (FloodWait.retryAfter(failure).isPresent()) {
                return FLOOD_WAIT;
            }
            Throwable t = failure;
            while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
                t = t.getCause();
            }
            return t instanceof TdException td && td.error().isNotFound() ? NOT_FOUND : ERROR;
        }
    }
}
