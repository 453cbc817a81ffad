package com.scopelock.outreach.generator.service;

import com.scopelock.outreach.generator.FakeCli;
import com.scopelock.outreach.model.ReplyDetected;
import com.scopelock.outreach.model.ReplyLabeled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplyLabelServiceTest {
    private static final ReplyDetected REPLY = ReplyDetected.of("alice", "conv-liam-7944133972", 7944133972L, 99999L,
            "Not interested, please stop", Instant.now(), Instant.now());

    private static ReplyLabeled label(String script, boolean useCli) throws Exception {
        Services s = new Services(List.of(FakeCli.path(script)), Duration.ofSeconds(5), 2, 2);
        try {
            return s.labels(useCli).label(REPLY).get(20, TimeUnit.SECONDS);
        } finally {
            s.cli.close();
        }
    }

    @Test
    void cliLabelIsUsedWhenValid() throws Exception {
        ReplyLabeled label = label("good.sh", true);
        assertEquals("claude", label.labeledBy());
        assertEquals("positive", label.sentiment());
        assertEquals("interested", label.intent());
        assertEquals("conv-liam-7944133972", label.conversationId());
        assertEquals(99999L, label.telegramMessageId());
        assertEquals(7944133972L, label.contactTelegramId());
        assertEquals("alice", label.owner());
    }

    @Test
    void rulesWhenTheCliFails() throws Exception {
        ReplyLabeled label = label("fail.sh", true);
        assertEquals("rules", label.labeledBy());
        assertEquals("negative", label.sentiment());
        assertEquals("unsubscribe", label.intent());
    }

    @Test
    void rulesWhenTheCliAnswersGarbage() throws Exception {
        assertEquals("rules", label("label-garbage.sh", true).labeledBy());
    }

    @Test
    void rulesOnlyWhenTheCliIsSwitchedOff() throws Exception {
        assertEquals("rules", label("good.sh", false).labeledBy());
    }
}
