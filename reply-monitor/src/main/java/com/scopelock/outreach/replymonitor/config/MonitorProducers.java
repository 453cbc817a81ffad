package com.scopelock.outreach.replymonitor.config;

import com.scopelock.outreach.model.SessionSealer;
import com.scopelock.outreach.replymonitor.service.KafkaConnection;
import com.scopelock.outreach.replymonitor.service.MonitorSettings;
import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.TelegramConfig;
import com.scopelock.outreach.telegram.sim.SimulatedModeGuard;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds the plain-Java pieces of the monitor from configuration. */
@ApplicationScoped
public class MonitorProducers {
    private static final Logger LOG = Logger.getLogger(MonitorProducers.class);

    @Produces
    @Singleton
    TelegramClientFactory telegram(TelegramSettings settings) {
        List<String> profiles = ConfigUtils.getProfiles();
        String profile = profiles.isEmpty() || profiles.contains("prod") ? "prod" : profiles.getFirst();
        boolean iUnderstand = "true".equalsIgnoreCase(System.getenv(SimulatedModeGuard.ENV_FLAG));
        TelegramConfig config = new TelegramConfig(TelegramConfig.Mode.parse(settings.mode()), settings.tdlibPath(),
                settings.simulatedWorldDir(), profile, iUnderstand, settings.requestTimeout(), null);
        TelegramClientFactory factory = TelegramClientFactory.create(config);
        LOG.infof("sessions are monitored with %s", factory.label());
        return factory;
    }

    void close(@Disposes TelegramClientFactory factory) {
        factory.close();
    }

    @Produces
    @Singleton
    SessionSealer sealer(SealingConfig config) {
        String keyset = config.keyset().filter(s -> !s.isBlank()).orElseGet(() -> config.keysetFile().map(f -> {
            try {
                return Files.readString(f);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read telegram.sealing.keyset-file " + f + ": "
                        + e.getClass().getSimpleName());
            }
        }).orElseThrow(() -> new IllegalStateException("no session sealing keyset: set TELEGRAM_SEALING_KEYSET "
                + "(Tink JSON keyset or its base64) or TELEGRAM_SEALING_KEYSET_FILE")));
        return SessionSealer.fromKeyset(keyset);
    }

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
