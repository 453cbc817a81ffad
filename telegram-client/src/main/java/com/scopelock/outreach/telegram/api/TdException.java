package com.scopelock.outreach.telegram.api;

/** A request was answered with TDLib's {@code error} object. */
public final class TdException extends RuntimeException {
    private final TdError error;

    public TdException(String function, TdError error) {
        super(function + " failed: " + error.code() + " " + error.message());
        this.error = error;
    }

    public TdError error() {
        return error;
    }
}
