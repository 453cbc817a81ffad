package com.scopelock.outreach.replymonitor.service;

import com.scopelock.outreach.replymonitor.messaging.EventPublisher;
import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.ratelimit.AccountRequestBudgets;
import com.scopelock.outreach.telegram.session.SessionSealer;

import java.time.Clock;

/** What every session of one monitor shares. */
public record MonitorContext(MonitorSettings settings, TelegramClientFactory telegram, SessionSealer sealer,
                             EventPublisher publisher, AccountRequestBudgets budgets, MonitorMetrics metrics,
                             DetectionDedupe dedupe, MessageClassifier classifier, Clock clock) {
}
