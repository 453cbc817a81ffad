package com.scopelock.outreach.api.service.analytics;

/**
 * Statistics for rates of the form k successes in n trials: the Wilson score interval, the pooled two-proportion
 * z-test (two-sided) and the per-group sample size that detects a difference with a given power. Pure functions.
 */
public final class Proportions {
    /** z for a two-sided 95 % interval / test at alpha 0.05. */
    public static final double Z_95 = 1.959963984540054;
    /** z for a power of 80 %. */
    public static final double Z_POWER_80 = 0.8416212335729143;

    private Proportions() {
    }

    public record Interval(double low, double high) {
    }

    /** The Wilson score interval for k of n; null when n is 0. */
    public static Interval wilson(long k, long n, double z) {
        if (n <= 0) {
            return null;
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k must be from 0 to n, got " + k + " of " + n);
        }
        double p = (double) k / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    public record Test(double z, double pValue) {
        public boolean significant(double alpha) {
            return pValue < alpha;
        }
    }

    /** Pooled two-proportion z-test of k1/n1 against k2/n2, two-sided; z = 0 and p = 1 when it cannot tell. */
    public static Test twoProportion(long k1, long n1, long k2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            return new Test(0, 1);
        }
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        double pooled = (double) (k1 + k2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return new Test(0, 1);
        }
        double z = (p1 - p2) / se;
        return new Test(z, Math.min(1, 2 * upperTail(Math.abs(z))));
    }

    /**
     * Sends per group needed to detect p1 against p2 with a two-sided test at 95 % and 80 % power (normal
     * approximation, rounded up); -1 when the two rates are equal (no difference to detect).
     */
    public static long sampleSizePerGroup(double p1, double p2) {
        double d = Math.abs(p1 - p2);
        if (d == 0) {
            return -1;
        }
        double mean = (p1 + p2) / 2;
        double a = Z_95 * Math.sqrt(2 * mean * (1 - mean));
        double b = Z_POWER_80 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (long) Math.ceil((a + b) * (a + b) / (d * d));
    }

    /** P(Z > x) for a standard normal Z: 0.5 · erfc(x / √2). */
    static double upperTail(double x) {
        return 0.5 * erfc(x / Math.sqrt(2));
    }

    /**
     * erfc(x) = 1 − erf(x), erf from its series with positive terms only,
     * erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)) — no cancellation, absolute error near 1e-16.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        if (z > 9) {
            return x > 0 ? 0 : 2; // erfc(9) < 1e-36
        }
        double term = z;
        double sum = z;
        for (int n = 1; n < 1000 && term > sum * 1e-17; n++) {
            term *= 2 * z * z / (2 * n + 1);
            sum += term;
        }
        double erf = 2 / Math.sqrt(Math.PI) * Math.exp(-z * z) * sum;
        return x >= 0 ? 1 - erf : 1 + erf;
    }
}
