package com.scopelock.outreach.replymonitor;

import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.SessionGranted;
import com.scopelock.outreach.model.SessionStatusChanged;
import com.scopelock.outreach.model.Topics;
import com.scopelock.outreach.model.WatchRequested;
import com.scopelock.outreach.replymonitor.service.MonitorSettings;
import com.scopelock.outreach.replymonitor.support.RetryingKafkaTestResource;
import com.scopelock.outreach.replymonitor.support.SimGrants;
import com.scopelock.outreach.replymonitor.support.SimulatedWorldTestResource;
import com.scopelock.outreach.replymonitor.support.TestKafka;
import com.scopelock.outreach.telegram.TelegramClientFactory;
import com.scopelock.outreach.telegram.sim.SimulatedTelegramControl;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.scopelock.outreach.replymonitor.support.MonitorFixture.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The service as deployed (Quarkus app, config, producers) on a real Kafka broker and the SIMULATED Telegram:
 * ready with metrics, then grant → session opened → watch → a lead's reply published live on outreach.replies.
 */
@QuarkusTest
@QuarkusTestResource(value = RetryingKafkaTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SimulatedWorldTestResource.class, restrictToAnnotatedClass = false)
class ServiceShellIT {

    @Test
    void startsAndIsReadyOnRealKafka() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("telegram.session-grants"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"))
                .body(containsString("reply_monitor_sessions"));
        given().get("/q/openapi").then().statusCode(200);
        // the shared bind-address rule (service-defaults): HTTP_HOST, loopback by default
        assertEquals("127.0.0.1", org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.host", String.class));
    }

    @Inject
    MonitorSettings settings;

    @Test
    void theMonitorsOwnKafkaClientsConnectLikeTheChannels() {
        // in a cluster KAFKA_SECURITY_PROTOCOL / KAFKA_SASL_* / KAFKA_SSL_* select TLS + SCRAM; the plain producer and
        // consumers of the monitor must take them from the same configuration as the connector's channels
        Map<String, Object> client = settings.kafka().clientConfig();
        assertEquals(RetryingKafkaTestResource.bootstrap(), client.get("bootstrap.servers"));
        assertEquals("PLAINTEXT", client.get("security.protocol"));
        assertFalse(client.containsKey("group.id"));
    }

    @Test
    void grantWatchAndLiveReplyThroughTheService() throws Exception {
        String bootstrap = RetryingKafkaTestResource.bootstrap();
        SimulatedTelegramControl control = new SimulatedTelegramControl(SimulatedWorldTestResource.world());
        try (TestKafka kafka = new TestKafka(bootstrap, Topics.REPLIES, Topics.SESSION_STATUS);
             TelegramClientFactory telegram = TelegramClientFactory.simulated(SimulatedWorldTestResource.world(),
                     Duration.ofSeconds(5), Duration.ofMillis(20),
                     com.scopelock.outreach.telegram.sim.SimulatedModeGuard.consent("test", true))) {
            var account = SimGrants.account(control, "quinn");
            var first = control.leadWrites(account.phone(), "lead_zoe", "Zoe", "hi, saw your post");
            WatchRequested watch = WatchRequested.of("quinn", first.chatId(), "lead-zoe", "msg-1",
                    "Hi Zoe, want to join us?", first.messageId(), Instant.now());
            kafka.send(Topics.WATCH, watch.key(), watch);
            SessionGranted grant = SimGrants.login(telegram, control, SimulatedWorldTestResource.sealer(), account,
                    "telegram-session-quinn-20261122000000");
            kafka.send(Topics.SESSION_GRANTS, grant.key(), grant);
            await("session active", Duration.ofSeconds(30), () -> !kafka.events(Topics.SESSION_STATUS,
                    SessionStatusChanged.class, s -> s.sessionSlug().equals(grant.sessionSlug())
                            && s.status().equals(SessionStatusChanged.ACTIVE)).isEmpty());
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'reply-monitor' }.data.sessions", equalTo(1));

            Thread.sleep(500); // the first reconciliation pass is done; what follows can only come live
            var reply = control.leadWrites(account.phone(), "lead_zoe", "Zoe", "Yes, tell me more");
            await("reply published", Duration.ofSeconds(10), () -> !kafka.events(Topics.REPLIES,
                    ReplyDetected.class, r -> r.conversationId().equals(watch.conversationId())).isEmpty());
            ReplyDetected r = kafka.events(Topics.REPLIES, ReplyDetected.class,
                    x -> x.conversationId().equals(watch.conversationId())).getFirst();
            assertEquals(reply.messageId(), r.telegramMessageId());
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("reply_monitor_detection_latency_seconds_count{kind=\"reply\",path=\"live\"}"));
        }
    }
}
