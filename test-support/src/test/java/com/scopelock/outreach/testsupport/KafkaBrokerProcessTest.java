package com.scopelock.outreach.testsupport;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class KafkaBrokerProcessTest {

    @Test
    void clusterIdsNeverLookLikeAnOption() {
        for (int i = 0; i < 5_000; i++) {
            String id = KafkaBrokerProcess.randomClusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
        }
    }
}
