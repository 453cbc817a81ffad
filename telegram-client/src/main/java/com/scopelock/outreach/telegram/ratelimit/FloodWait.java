package com.scopelock.outreach.telegram.ratelimit;

import com.scopelock.outreach.telegram.api.TdError;
import com.scopelock.outreach.telegram.api.TdException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises Telegram's FLOOD_WAIT: error 429 "Too Many Requests: retry after N" (or FLOOD_WAIT_N). */
public final class FloodWait {
    private static final Pattern RETRY_AFTER = Pattern.compile("retry after (\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FLOOD_WAIT = Pattern.compile("FLOOD_WAIT_(\\d+)");
    /** When a 429 names no delay. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private FloodWait() {
    }

    /** The delay Telegram asks for, if {@code error} is a flood wait. */
    public static Optional<Duration> retryAfter(TdError error) {
        if (error == null) {
            return Optional.empty();
        }
        for (Pattern pattern : new Pattern[] {RETRY_AFTER, FLOOD_WAIT}) {
            Matcher m = pattern.matcher(error.message());
            if (m.find()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))));
            }
        }
        return error.code() == 429 ? Optional.of(DEFAULT_WAIT) : Optional.empty();
    }

    /** The same for a failure of a client future (unwraps CompletionException / ExecutionException). */
    public static Optional<Duration> retryAfter(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof TdException td ? retryAfter(td.error()) : Optional.empty();
    }
}
