package com.scopelock.outreach.api.service.analytics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expected values computed independently with Python's standard library (statistics.NormalDist for the normal
 * quantiles and CDF, the textbook formulas written out there); the sample size 686 for 10 % against 15 % is the
 * figure published in sample-size tables (Fleiss, no continuity correction).
 */
class ProportionsTest {
    private static void interval(long k, long n, double low, double high) {
        Proportions.Interval i = Proportions.wilson(k, n, Proportions.Z_95);
        assertEquals(low, i.low(), 1e-9, "low of " + k + "/" + n);
        assertEquals(high, i.high(), 1e-9, "high of " + k + "/" + n);
    }

    @Test
    void wilsonIntervalsMatchIndependentValues() {
        interval(3, 12, 0.08894166839405476, 0.5323053349335656);
        interval(45, 200, 0.1726236971508913, 0.2877412323566053);
        interval(0, 10, 0.0, 0.27753279986288915);
        interval(10, 10, 0.7224672001371109, 1.0);
        interval(1, 1, 0.20654931437723745, 1.0);
    }

    @Test
    void wilsonHasNoIntervalWithoutTrialsAndRefusesImpossibleCounts() {
        assertNull(Proportions.wilson(0, 0, Proportions.Z_95));
        assertThrows(IllegalArgumentException.class, () -> Proportions.wilson(5, 4, Proportions.Z_95));
    }

    private static void test(long k1, long n1, long k2, long n2, double z, double p) {
        Proportions.Test t = Proportions.twoProportion(k1, n1, k2, n2);
        assertEquals(z, t.z(), 1e-9, "z");
        assertEquals(p, t.pValue(), 1e-12, "p");
        Proportions.Test reverse = Proportions.twoProportion(k2, n2, k1, n1);
        assertEquals(-z, reverse.z(), 1e-9, "z reversed");
    }

    @Test
    void twoProportionTestMatchesIndependentValues() {
        test(30, 100, 18, 100, 1.9867985355975655, 0.04694472697848173);
        test(8, 40, 5, 40, 0.9091952763387234, 0.363247057179896);
        test(120, 1000, 90, 1000, 2.1882658846227234, 0.028650240398448545);
        assertTrue(Proportions.twoProportion(30, 100, 18, 100).significant(0.05));
        assertFalse(Proportions.twoProportion(8, 40, 5, 40).significant(0.05));
    }

    @Test
    void twoProportionTestCannotTellWithoutVarianceOrTrials() {
        assertEquals(1.0, Proportions.twoProportion(0, 10, 0, 12).pValue());
        assertEquals(1.0, Proportions.twoProportion(0, 0, 3, 12).pValue());
    }

    @Test
    void sampleSizeMatchesIndependentValuesAndTables() {
        assertEquals(686, Proportions.sampleSizePerGroup(0.10, 0.15));
        assertEquals(686, Proportions.sampleSizePerGroup(0.15, 0.10));
        assertEquals(198, Proportions.sampleSizePerGroup(0.3, 0.18));
        assertEquals(379, Proportions.sampleSizePerGroup(0.2, 0.125));
        assertEquals(1638, Proportions.sampleSizePerGroup(0.12, 0.09));
        assertEquals(-1, Proportions.sampleSizePerGroup(0.2, 0.2));
    }
}
