package com.scopelock.outreach.journey;

import java.time.Duration;

/** Timings and steps, printed so a CI log shows where the time goes. */
final class Journal {
    private Journal() {
    }

    static void step(String what, long startMillis) {
        note(String.format("%-70s %6d ms", what, System.currentTimeMillis() - startMillis));
    }

    static void note(String line) {
        System.out.println("[journey] " + line);
        System.out.flush();
    }

    static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
