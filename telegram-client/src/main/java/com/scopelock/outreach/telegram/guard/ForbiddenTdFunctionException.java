package com.scopelock.outreach.telegram.guard;

/** A TDLib function outside the read-only allowlist was about to be sent; it was not. */
public final class ForbiddenTdFunctionException extends IllegalArgumentException {
    private final String function;

    public ForbiddenTdFunctionException(String function, String reason) {
        super("Refused TDLib function '" + function + "': " + reason
                + " (telegram-client is read-only; see ReadOnlyGuard)");
        this.function = function;
    }

    public String function() {
        return function;
    }
}
