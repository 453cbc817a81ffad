package com.scopelock.outreach.replymonitor.config;

import com.scopelock.outreach.replymonitor.service.KafkaConnection;
import com.scopelock.outreach.replymonitor.service.MonitorSettings;
import com.scopelock.outreach.telegram.session.TelegramSettings;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the monitor's settings from configuration; the Telegram client factory and the session sealer come from
 * telegram-client's {@code TelegramProducers}.
 */
@ApplicationScoped
public class MonitorProducers {
    @Produces
    @Singleton
    MonitorSettings settings(ReplyMonitorConfig rm, TelegramSettings telegram,
                             @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        return new MonitorSettings(KafkaConnection.from(kafkaConfig), rm.groupId(), rm.realtimeUpdates(),
                rm.reconcileInterval(), rm.missingChatRetryInitial(), rm.missingChatRetryMax(), rm.chatListLimit(),
                rm.requestsPerSecond(), rm.requestBurst(), rm.historyPageSize(), rm.maxHistoryPages(),
                rm.sentSimilarity(), rm.watchClockSlack(), rm.openTimeout(), telegram.requestTimeout(),
                rm.heartbeatInterval(), rm.workDir().orElse(Path.of(System.getProperty("java.io.tmpdir"))),
                telegram.apiId(), telegram.apiHash().orElse(""), telegram.useTestDc());
    }
}
