package com.scopelock.outreach.telegram.sim;

/** Every log line of the simulator starts with "[SIMULATED TELEGRAM]". */
final class SimLog {
    private static final System.Logger LOG = System.getLogger("com.scopelock.outreach.telegram.sim");
    static final String PREFIX = "[SIMULATED TELEGRAM] ";

    private SimLog() {
    }

    static void info(String format, Object... args) {
        LOG.log(System.Logger.Level.INFO, PREFIX + format, args);
    }

    static void warn(String format, Object... args) {
        LOG.log(System.Logger.Level.WARNING, PREFIX + format, args);
    }
}
