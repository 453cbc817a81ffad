package com.scopelock.outreach.replymonitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code reply-monitor.*}: detection, polling and Telegram request budget. */
@ConfigMapping(prefix = "reply-monitor")
public interface ReplyMonitorConfig {
    /** Consumer group of telegram.session-grants: every replica of one deployment uses the same. */
    @WithDefault("reply-monitor")
    String groupId();

    /** Real-time detection from TDLib updates; false = polling only (benchmark comparison). */
    @WithDefault("true")
    boolean realtimeUpdates();

    /** How often each watched chat is reconciled with getChatHistory. */
    @WithDefault("60s")
    Duration reconcileInterval();

    /**
     * A watched chat Telegram does not know ("Chat not found") is looked for again after this, doubling per miss up
     * to {@link #missingChatRetryMax()}; drafts (no chat yet) are found from TDLib's updates, not by asking.
     */
    @WithDefault("15m")
    Duration missingChatRetryInitial();

    @WithDefault("2h")
    Duration missingChatRetryMax();

    /** Chats loadChats (once per session open) and a missing-chat sweep (getChats) cover. */
    @WithDefault("100")
    int chatListLimit();

    /** Telegram requests per second per account (shared by every operation of that account). */
    @WithDefault("1.0")
    double requestsPerSecond();

    @WithDefault("1")
    int requestBurst();

    /** Messages per getChatHistory page. */
    @WithDefault("50")
    int historyPageSize();

    /** Pages one reconciliation of one chat reads at most. */
    @WithDefault("20")
    int maxHistoryPages();

    /** Normalised Levenshtein similarity from which an outgoing message counts as the generated one sent. */
    @WithDefault("0.85")
    double sentSimilarity();

    /** Watches without from_message_id cover messages dated from the watch's occurred_at minus this. */
    @WithDefault("2m")
    Duration watchClockSlack();

    @WithDefault("30s")
    Duration openTimeout();

    @WithDefault("5m")
    Duration heartbeatInterval();

    /** Parent of the private session directories (default java.io.tmpdir). */
    Optional<Path> workDir();
}
