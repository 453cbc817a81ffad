package com.scopelock.outreach.replymonitor.service;

/** The session cannot be used any more (revoked from the phone, logged out, 401): drop it, do not retry. */
public final class SessionGoneException extends RuntimeException {
    public SessionGoneException(String reason) {
        super(reason);
    }
}
