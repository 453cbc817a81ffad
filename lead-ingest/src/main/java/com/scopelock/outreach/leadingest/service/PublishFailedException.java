package com.scopelock.outreach.leadingest.service;

/** Kafka did not take every accepted lead; the report says how many were published. Retrying is safe. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
