package com.scopelock.outreach.generator.messaging;

import com.scopelock.outreach.model.GenerationRequested;
import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.JsonCodec.PoisonRecordException;
import com.scopelock.outreach.model.ReplyDetected;

/** Decodes incoming events; anything that is not a usable event is a poison record (goes to the DLQ). */
final class Events {
    private Events() {
    }

    static GenerationRequested generationRequest(String json) {
        GenerationRequested request = JsonCodec.decode(require(json), GenerationRequested.class);
        if (request == null) {
            throw poison("GenerationRequested: empty record");
        }
        requireText(request.correlationId(), "correlation_id");
        requireText(request.contactSlug(), "contact_slug");
        if (request.type() != null && !GenerationRequested.TYPE.equals(request.type())) {
            throw poison("GenerationRequested: unexpected type " + request.type());
        }
        return request;
    }

    static ReplyDetected reply(String json) {
        ReplyDetected reply = JsonCodec.decode(require(json), ReplyDetected.class);
        if (reply == null) {
            throw poison("ReplyDetected: empty record");
        }
        requireText(reply.conversationId(), "conversation_id");
        if (reply.text() == null) {
            throw poison("ReplyDetected: missing text");
        }
        return reply;
    }

    private static String require(String json) {
        if (json == null || json.isBlank()) {
            throw poison("empty record");
        }
        return json;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw poison("missing " + field);
        }
    }

    private static PoisonRecordException poison(String reason) {
        return new PoisonRecordException(reason, null);
    }
}
