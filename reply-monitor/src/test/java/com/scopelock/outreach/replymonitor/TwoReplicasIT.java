package com.scopelock.outreach.replymonitor;

import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.replymonitor.service.MonitorSettings;
import com.scopelock.outreach.replymonitor.service.ReplyMonitor;
import com.scopelock.outreach.replymonitor.service.SessionManager;
import com.scopelock.outreach.replymonitor.support.MonitorFixture;
import com.scopelock.outreach.replymonitor.support.SimGrants;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.scopelock.outreach.replymonitor.support.MonitorFixture.await;
import static com.scopelock.outreach.replymonitor.support.MonitorFixture.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two monitor replicas (two service objects, separate Kafka consumers, one group) in one JVM: through a rebalance
 * in (second replica joins) and out (it leaves), every session is open in at most one replica at any moment, and
 * all sessions end up open somewhere.
 */
class TwoReplicasIT {

    /** Records which replica holds each session; an open while another replica holds it is a violation. */
    static final class Tracker {
        final Map<String, String> holder = new ConcurrentHashMap<>();
        final List<String> violations = new CopyOnWriteArrayList<>();
        final List<String> log = new CopyOnWriteArrayList<>();

        SessionManager.OwnershipListener listener(String replica) {
            return new SessionManager.OwnershipListener() {
                @Override
                public void opening(String slug) {
                    String other = holder.putIfAbsent(slug, replica);
                    log.add(replica + " opens " + slug);
                    if (other != null && !other.equals(replica)) {
                        violations.add(slug + " opened by " + replica + " while open in " + other);
                    }
                }

                @Override
                public void closed(String slug) {
                    holder.remove(slug, replica);
                    log.add(replica + " closed " + slug);
                }
            };
        }
    }

    @Test
    void aSessionIsNeverOpenInTwoReplicasDuringRebalances() throws Exception {
        Tracker tracker = new Tracker();
        try (MonitorFixture fx = new MonitorFixture()) {
            String group = unique("rm-two");
            MonitorSettings settings = fx.settings(group, true, Duration.ofSeconds(60), 20);
            List<SessionGranted> grants = new ArrayList<>();
            List<WatchRequested> watches = new ArrayList<>();
            List<SimGrants.Account> accounts = new ArrayList<>();
            Set<Integer> partitions = new HashSet<>();
            while (grants.size() < 9 || partitions.size() < 3) {  // sessions on every partition
                var account = fx.account(unique("m"));
                watches.add(fx.watch(account, unique("lead"), "Hi there"));
                SessionGranted g = fx.grant(account);
                accounts.add(account);
                grants.add(g);
                partitions.add(org.apache.kafka.common.utils.Utils.toPositive(
                        org.apache.kafka.common.utils.Utils.murmur2(g.key().getBytes())) % 3);
            }
            Set<String> slugs = new HashSet<>(grants.stream().map(SessionGranted::sessionSlug).toList());

            ReplyMonitor a = fx.monitor(settings, tracker.listener("A"));
            await("A opens all", Duration.ofSeconds(30), () -> a.openSessions().containsAll(slugs));

            long rebalanceStart = System.nanoTime();
            ReplyMonitor b = fx.monitor(settings, tracker.listener("B"));
            await("B takes over some partitions", Duration.ofSeconds(30), () -> !b.ownedPartitions().isEmpty()
                    && !b.openSessions().isEmpty() && union(a, b).containsAll(slugs)
                    && disjoint(a.openSessions(), b.openSessions()));
            System.out.printf("[reply-monitor IT] rebalance in: B owns partitions %s after %d ms; A %s%n",
                    b.ownedPartitions(), (System.nanoTime() - rebalanceStart) / 1_000_000, a.ownedPartitions());
            assertTrue(disjoint(a.ownedPartitions(), b.ownedPartitions()));

            // replies still detected after the move, whichever replica holds the session
            for (int i = 0; i < accounts.size(); i++) {
                fx.control.leadWrites(accounts.get(i).phone(), Long.toString(watches.get(i).contactTelegramId()),
                        "Lead", "reply " + i);
            }
            await("a reply for every conversation", Duration.ofSeconds(30), () -> watches.stream().allMatch(w ->
                    !fx.kafka.events(Topics.REPLIES, ReplyDetected.class,
                            r -> r.conversationId().equals(w.conversationId())).isEmpty()));

            long leaveStart = System.nanoTime();
            b.close();
            await("A takes everything back", Duration.ofSeconds(40), () -> a.openSessions().containsAll(slugs));
            System.out.printf("[reply-monitor IT] rebalance out: A holds all %d sessions again after %d ms%n",
                    slugs.size(), (System.nanoTime() - leaveStart) / 1_000_000);
            a.close();

            assertEquals(List.of(), tracker.violations, String.join("\n", tracker.log));
            grants.forEach(g -> fx.kafka.send(Topics.SESSION_GRANTS, g.key(), null));
        }
    }

    private static Set<String> union(ReplyMonitor a, ReplyMonitor b) {
        Set<String> all = new HashSet<>(a.openSessions());
        all.addAll(b.openSessions());
        return all;
    }

    private static <T> boolean disjoint(Set<T> x, Set<T> y) {
        return x.stream().noneMatch(y::contains);
    }
}
