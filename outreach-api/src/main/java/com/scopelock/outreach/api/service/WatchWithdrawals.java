package com.scopelock.outreach.api.service;

import com.scopelock.outreach.api.config.WatchConfig;
import com.scopelock.outreach.api.graph.GraphTime;
import com.scopelock.outreach.api.graph.WatchRepository;
import com.scopelock.outreach.api.graph.WatchRepository.Watched;
import com.scopelock.outreach.api.messaging.WatchPublisher;
import com.scopelock.outreach.model.WatchRequested;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Takes conversations off the watch list (tombstones on the compacted {@code outreach.watch}) when nobody should
 * watch them any more: the member released the lead before sending anything, the lead became do-not-contact, or
 * the member's drafts for the lead were left unsent for {@code outreach.watch.draft-expiry} (14 days). Tombstones
 * are published first and the withdrawal recorded after Kafka acknowledged them, so a failed publish is retried by
 * the next expiry run (a repeated tombstone is harmless).
 */
@ApplicationScoped
public class WatchWithdrawals {
    private static final Logger LOG = Logger.getLogger(WatchWithdrawals.class);

    private final WatchRepository watches;
    private final WatchPublisher publisher;
    private final WatchConfig config;

    public WatchWithdrawals(WatchRepository watches, WatchPublisher publisher, WatchConfig config) {
        this.watches = watches;
        this.publisher = publisher;
        this.config = config;
    }

    /** A released claim: the owner's watch of the lead, unless they have sent a message. */
    public Uni<Integer> released(String owner, String contactSlug) {
        return watches.unsentOf(contactSlug, owner).chain(this::withdraw);
    }

    /** Do-not-contact: every member's watch of the lead. */
    public Uni<Integer> doNotContact(String contactSlug) {
        return watches.allOfLead(contactSlug).chain(this::withdraw);
    }

    public Uni<Integer> doNotContact(long telegramId) {
        return watches.allOfTelegramId(telegramId).chain(this::withdraw);
    }

    @Scheduled(every = "${outreach.watch.expiry-check-every:1h}", delayed = "${outreach.watch.expiry-check-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireAbandonedDrafts() {
        return expireDrafts(Instant.now()).onFailure().recoverWithItem(e -> {
            LOG.warnf("withdrawing abandoned drafts' watches failed (next run retries): %s", e.toString());
            return 0;
        }).replaceWithVoid();
    }

    /** Withdraws the watches of drafts untouched and unsent since {@code now - draft-expiry}; returns how many. */
    public Uni<Integer> expireDrafts(Instant now) {
        String cutoff = GraphTime.format(now.minus(config.draftExpiry()));
        return watches.abandoned(cutoff, config.expiryBatch()).chain(this::withdraw).invoke(n -> {
            if (n > 0) {
                LOG.infof("withdrew the watches of %d conversations whose drafts were unsent for %s", n,
                        config.draftExpiry());
            }
        });
    }

    private Uni<Integer> withdraw(List<Watched> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> tombstones = list.stream()
                .map(w -> publisher.withdraw(WatchRequested.conversationId(w.telegramId(), w.owner()))
                        .ifNoItem().after(Duration.ofSeconds(10)).fail())
                .toList();
        return Uni.join().all(tombstones).andFailFast()
                .chain(() -> watches.markWithdrawn(list, GraphTime.format(Instant.now())))
                .map(marked -> list.size());
    }
}
