package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.model.JsonCodec;
import com.scopelock.outreach.model.SessionCommand;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.replymonitor.messaging.AllPartitionsReader;
import com.scopelock.outreach.replymonitor.messaging.EventPublisher;
import com.scopelock.outreach.replymonitor.messaging.GrantOwnershipConsumer;
import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.ratelimit.AccountRequestBudgets;
import com.scopelock.outreach.telegram.session.SessionSealer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One reply-monitor replica, plain Java (the Quarkus service wraps one; tests run two in a JVM): the grant
 * ownership consumer, the watch and command readers, the sessions, the heartbeat.
 */
public final class ReplyMonitor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ReplyMonitor.class);

    private final String instanceId;
    private final MonitorSettings settings;
    private final EventPublisher publisher;
    private final WatchRegistry watches = new WatchRegistry();
    private final SessionManager sessions;
    private final GrantOwnershipConsumer grants;
    private final AllPartitionsReader watchReader;
    private final AllPartitionsReader commandReader;
    private final ScheduledExecutorService heartbeat;
    private final MonitorContext context;

    public ReplyMonitor(MonitorSettings settings, TelegramClientFactory telegram, SessionSealer sealer,
                        MeterRegistry registry, SessionManager.OwnershipListener ownership) {
        this(settings, telegram, sealer, registry, ownership, Clock.systemUTC());
    }

    /**
     * {@code clock} drives the reconciliation schedule, the missing-chat backoff and the request budget (a test
     * moves it on to run hours of schedule in seconds).
     */
    public ReplyMonitor(MonitorSettings settings, TelegramClientFactory telegram, SessionSealer sealer,
                        MeterRegistry registry, SessionManager.OwnershipListener ownership, Clock clock) {
        this.settings = settings;
        this.instanceId = "reply-monitor-" + UUID.randomUUID().toString().substring(0, 8);
        this.publisher = new EventPublisher(settings.kafka(), instanceId);
        MonitorMetrics metrics = new MonitorMetrics(registry);
        this.context = new MonitorContext(settings, telegram, sealer, publisher,
                new AccountRequestBudgets(settings.requestsPerSecond(), settings.requestBurst(), clock),
                metrics, new DetectionDedupe(),
                new MessageClassifier(settings.sentSimilarity(), settings.watchClockSlack()), clock);
        this.sessions = new SessionManager(context, watches, ownership);
        metrics.gauges(sessions::sessionCount, sessions::chatCount);
        this.grants = new GrantOwnershipConsumer(settings.kafka(), settings.groupId(),
                instanceId + "-grants", sessions, publisher);
        this.watchReader = new AllPartitionsReader(settings.kafka(), Topics.WATCH, instanceId + "-watch",
                this::onWatch);
        this.commandReader = new AllPartitionsReader(settings.kafka(), Topics.SESSION_COMMANDS,
                instanceId + "-commands", this::onCommand);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("reply-monitor-heartbeat").factory());
    }

    public ReplyMonitor start() {
        LOG.infof("%s starting (%s, %s)", instanceId, settings, context.telegram().label());
        watchReader.start();
        commandReader.start();
        grants.start();
        long every = settings.heartbeatInterval().toMillis();
        heartbeat.scheduleAtFixedRate(this::logHeartbeat, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    void logHeartbeat() {
        LOG.infof("monitoring %d sessions, %d chats (%s, watch list %d, realtime updates %s)",
                sessions.sessionCount(), sessions.chatCount(), instanceId, watches.size(),
                settings.realtimeUpdates() ? "on" : "off");
    }

    private void onWatch(ConsumerRecord<String, String> r) {
        String owner;
        if (r.value() == null) {
            owner = watches.remove(r.key());
        } else {
            WatchRequested watch;
            try {
                watch = JsonCodec.decode(r.value(), WatchRequested.class);
            } catch (JsonCodec.PoisonRecordException e) {
                publisher.deadLetter(r.topic(), r.key(), r.value(), e.getMessage());
                return;
            }
            owner = watches.put(watch);
        }
        if (owner != null) {
            sessions.watchesChanged(owner);
        }
    }

    private void onCommand(ConsumerRecord<String, String> r) {
        if (r.value() == null) {
            return;
        }
        try {
            sessions.command(JsonCodec.decode(r.value(), SessionCommand.class));
        } catch (JsonCodec.PoisonRecordException e) {
            publisher.deadLetter(r.topic(), r.key(), r.value(), e.getMessage());
        }
    }

    public String instanceId() {
        return instanceId;
    }

    public Set<String> openSessions() {
        return sessions.openSessions();
    }

    public int chatCount() {
        return sessions.chatCount();
    }

    public Set<Integer> ownedPartitions() {
        return grants.ownedPartitions();
    }

    public boolean ready() {
        return grants.healthy() && watchReader.caughtUp() && commandReader.healthy();
    }

    public MonitorMetrics metrics() {
        return context.metrics();
    }

    /** Closes every session (wiping its directory) before leaving the consumer group. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        grants.close();
        watchReader.close();
        commandReader.close();
        sessions.closeAll();
        publisher.close();
        LOG.infof("%s stopped", instanceId);
    }
}
