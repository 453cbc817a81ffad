package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.model.ReplyLabeled;

/** Sentiment and intent of one reply, both from the closed sets of {@link ReplyLabeled}. */
public record ReplyLabel(String sentiment, String intent) {
    public ReplyLabel {
        if (!ReplyLabeled.SENTIMENTS.contains(sentiment) || !ReplyLabeled.INTENTS.contains(intent)) {
            throw new IllegalArgumentException("unknown label " + sentiment + "/" + intent);
        }
    }
}
