package org.flowexplorer.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeldOutNllTest {
    /** Moons after 6 000 steps: 1 999 ordinary points and one at log p = −21 216 pull the mean from 2.5 to 13. */
    @Test
    void oneOutlierMovesTheMeanNotTheMedian() {
        double[] logp = new double[2000];
        for (int i = 0; i < logp.length; i++) {
            logp[i] = -2.0 - (i % 100) / 100.0; // NLL 2.00 … 2.99, twenty of each
        }
        logp[1234] = -21216;
        HeldOutNll s = HeldOutNll.of(logp);
        assertEquals(2000, s.n());
        double ordinary = 0;
        for (int i = 0; i < logp.length; i++) {
            ordinary += i == 1234 ? 0 : -logp[i];
        }
        assertEquals((ordinary + 21216) / 2000, s.mean(), 1e-12);
        assertEquals(13.1, s.mean(), 0.1);
        assertEquals(2.5, s.median(), 1e-9); // one 2.34 replaced by the outlier: the 1000th and 1001st are 2.50
        assertEquals(1, s.outliers());
        assertEquals(-21216, s.worstLogProb(), 0);
    }

    @Test
    void noOutliersInAnOrdinarySetAndNonFiniteCountsAsOne() {
        HeldOutNll plain = HeldOutNll.of(new double[] {-1, -2, -3, -4});
        assertEquals(2.5, plain.median(), 0);
        assertEquals(2.5, plain.mean(), 0);
        assertEquals(0, plain.outliers());
        HeldOutNll broken = HeldOutNll.of(new double[] {-1, -2, Double.NEGATIVE_INFINITY, Double.NaN, -3});
        assertEquals(Double.NaN, broken.mean());
        assertEquals(3, broken.median(), 0);
        assertEquals(2, broken.outliers());
        assertEquals(Double.NEGATIVE_INFINITY, broken.worstLogProb());
    }
}
