package com.scopelock.outreach.telegram.sim;

/** Every log line of the simulator starts with "[SIMULATED TELEGRAM]". */
final class SimLog {
    private static final System.Logger LOG = System.getLogger("com.scopelock.outreach.telegram.sim");
    static final String PREFIX = "[SIMULATED TELEGRAM] ";

    private SimLog() {
    }

    static void info(String format, Object... args) {
        LOG.log(System.Logger.Level.INFO, PREFIX + format, plain(args));
    }

    static void warn(String format, Object... args) {
        LOG.log(System.Logger.Level.WARNING, PREFIX + format, plain(args));
    }

    /** Ids as plain digits, not "5,000,000,001". */
    private static Object[] plain(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Number) {
                out[i] = out[i].toString();
            }
        }
        return out;
    }
}
