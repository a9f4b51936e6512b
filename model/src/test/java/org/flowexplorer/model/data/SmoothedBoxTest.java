package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tabulated log density of U[0, w] + N(0, s²) equals the exact one, inside and outside the table. */
class SmoothedBoxTest {
    @Test
    void interpolationMatchesTheErrorFunction() {
        for (double[] ws : new double[][] {{1.0 / 6.0, 0.1}, {2.0, 0.2}, {2.0, 0.01}, {0.1, 1.0}}) {
            SmoothedBox box = new SmoothedBox(ws[0], ws[1]);
            for (double d = -15 * ws[1]; d <= ws[0] + 15 * ws[1]; d += ws[1] / 7.3) {
                assertEquals(box.exact(d), box.logDensity(d), 1e-7, "w = " + ws[0] + ", s = " + ws[1] + ", d = " + d);
            }
        }
    }

    @Test
    void exactValueIsTheConvolutionIntegral() {
        // (1/w) ∫_0^w N(d − u; 0, s²) du by a fine midpoint rule
        double w = 2.0;
        double s = 0.3;
        for (double d : new double[] {-1.0, -0.2, 0.0, 1.0, 2.1, 3.0}) {
            double sum = 0.0;
            int n = 20_000;
            for (int i = 0; i < n; i++) {
                double u = (i + 0.5) * w / n;
                sum += Math.exp(-0.5 * (d - u) * (d - u) / (s * s)) / (s * Math.sqrt(2 * Math.PI)) / n;
            }
            assertEquals(Math.log(sum), new SmoothedBox(w, s).exact(d), 1e-6, "d = " + d);
        }
    }

    @Test
    void farTailsFollowTheErrorFunctionAndDoNotUnderflow() {
        SmoothedBox box = new SmoothedBox(2.0, 0.1);
        // just past the switch to the asymptotic series, erfc is still exact in double precision
        for (double d : new double[] {-1.21, -1.5, -2.5, 3.21, 3.6}) {
            double a = Math.min(d, 2.0 - d) / 0.1;
            double exact = Math.log(0.5 * org.apache.commons.math3.special.Erf.erfc(-a / Math.sqrt(2.0))
                    - 0.5 * org.apache.commons.math3.special.Erf.erfc((-a + 20.0) / Math.sqrt(2.0))) - Math.log(2.0);
            assertEquals(exact, box.logDensity(d), 1e-7 * Math.abs(exact), "d = " + d);
        }
        double far = box.logDensity(-30.0);   // 300 std out: Φ underflows, its logarithm does not
        assertEquals(-0.5 * 300 * 300 - Math.log(300) - 0.5 * Math.log(2 * Math.PI) + Math.log1p(-1.0 / (300 * 300))
                - Math.log(2.0), far, 1e-6);
        assertEquals(far, box.logDensity(32.0), 1e-9);
    }

    @Test
    void withoutNoiseItIsTheIndicatorOfTheClosedBox() {
        SmoothedBox box = new SmoothedBox(2.0, 0.0);
        assertEquals(-Math.log(2.0), box.logDensity(0.0));
        assertEquals(-Math.log(2.0), box.logDensity(2.0));
        assertEquals(Double.NEGATIVE_INFINITY, box.logDensity(2.0001));
        assertEquals(Double.NEGATIVE_INFINITY, box.logDensity(-1e-9));
    }
}
