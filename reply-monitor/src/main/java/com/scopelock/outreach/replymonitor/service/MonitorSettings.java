package com.scopelock.outreach.replymonitor.service;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a {@link ReplyMonitor} needs besides its collaborators (plain values, so tests can build two
 * monitors in one JVM). In the service they come from {@code reply-monitor.*}, {@code telegram.*} and Kafka config.
 */
public record MonitorSettings(
        KafkaConnection kafka,
        String groupId,
        boolean realtimeUpdates,
        Duration reconcileInterval,
        Duration missingChatRetryInitial,
        Duration missingChatRetryMax,
        int chatListLimit,
        double requestsPerSecond,
        int requestBurst,
        int historyPageSize,
        int maxHistoryPages,
        double sentSimilarity,
        Duration watchClockSlack,
        Duration openTimeout,
        Duration requestTimeout,
        Duration heartbeatInterval,
        Path workDir,
        int apiId,
        String apiHash,
        boolean useTestDc) {

    public MonitorSettings withGroupId(String group) {
        return new MonitorSettings(kafka, group, realtimeUpdates, reconcileInterval,
                missingChatRetryInitial, missingChatRetryMax, chatListLimit, requestsPerSecond,
                requestBurst, historyPageSize, maxHistoryPages, sentSimilarity, watchClockSlack, openTimeout,
                requestTimeout, heartbeatInterval, workDir, apiId, apiHash, useTestDc);
    }

    @Override
    public String toString() {
        return "MonitorSettings[group=" + groupId + ", realtime=" + realtimeUpdates + ", reconcile="
                + reconcileInterval + ", missing chats " + missingChatRetryInitial + ".." + missingChatRetryMax
                + ", requests/s=" + requestsPerSecond + ", apiId=" + apiId + ", apiHash=***]";
    }
}
