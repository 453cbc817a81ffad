package com.scopelock.outreach.replymonitor.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    @Test
    void doublesFromTheInitialWaitUpToTheCap() {
        Backoff b = new Backoff(Duration.ofMinutes(15), Duration.ofHours(2));
        assertEquals(Duration.ofMinutes(15), b.after(1));
        assertEquals(Duration.ofMinutes(30), b.after(2));
        assertEquals(Duration.ofMinutes(60), b.after(3));
        assertEquals(Duration.ofMinutes(120), b.after(4));
        assertEquals(Duration.ofMinutes(120), b.after(5));
        assertEquals(Duration.ofMinutes(120), b.after(Integer.MAX_VALUE));
        assertEquals(Duration.ofMinutes(15), b.after(0));
    }

    @Test
    void refusesANonsenseRange() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofHours(1), Duration.ofMinutes(1)));
    }
}
