package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Image as density: geometry, sampling frequencies, and the exact entropy against Monte Carlo. */
class PixelDensityTest {
    /** 3 × 2 grid: top row 1 0 3, bottom row 0 2 2 (total 8). */
    private static final double[] W = {1, 0, 3, 0, 2, 2};

    @Test
    void cellsSitOnTheSquareWithRowZeroAtTheTop() {
        PixelDensity d = PixelDensity.of(W, 3, 2, 3.0);
        assertEquals(2.0, d.cellSize(), 0); // the longer side, 3 cells, spans [−3, 3]
        assertEquals(Math.log(1.0 / 8 / 4), d.logDensity(-2, 1), 1e-12);   // top left
        assertEquals(Math.log(3.0 / 8 / 4), d.logDensity(2, 1), 1e-12);    // top right
        assertEquals(Double.NEGATIVE_INFINITY, d.logDensity(0, 1));           // the empty cell
        assertEquals(Math.log(2.0 / 8 / 4), d.logDensity(0, -1), 1e-12);   // bottom middle
        assertEquals(Double.NEGATIVE_INFINITY, d.logDensity(0, 2.5));         // above the grid
    }

    @Test
    void entropyIsMinusSumPLogPOverArea() {
        PixelDensity d = PixelDensity.of(W, 3, 2, 3.0);
        double h = 0;
        for (double w : W) {
            if (w > 0) {
                h -= w / 8 * Math.log(w / 8 / 4);
            }
        }
        assertEquals(h, d.entropy(), 1e-12);
        // a uniform square of side 2S has entropy ln(4S²)
        assertEquals(Math.log(16), PixelDensity.of(new double[] {5, 5, 5, 5}, 2, 2, 2).entropy(), 1e-12);
    }

    @Test
    void samplesFollowTheCellsAndGiveTheEntropyByMonteCarlo() {
        PixelDensity d = PixelDensity.of(W, 3, 2, 3.0);
        int n = 200_000;
        float[] xy = d.sample(n, 4);
        assertArrayEquals(xy, d.sample(n, 4));
        int[] counts = new int[6];
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) {
            double lp = d.logDensity(xy[2 * i], xy[2 * i + 1]);
            assertTrue(lp > Double.NEGATIVE_INFINITY, "a sample fell on an empty cell or off the grid");
            int column = (int) Math.floor((xy[2 * i] + 3) / 2), row = (int) Math.floor((2 - xy[2 * i + 1]) / 2);
            counts[row * 3 + column]++;
            sum -= lp;
            sumSq += lp * lp;
        }
        for (int i = 0; i < 6; i++) {
            double expected = n * W[i] / 8;
            assertEquals(expected, counts[i], 5 * Math.sqrt(expected) + 1e-9, "cell " + i);
        }
        double mean = sum / n, se = Math.sqrt((sumSq / n - mean * mean) / n);
        assertEquals(d.entropy(), mean, 5 * se + 1e-9);
    }

    @Test
    void badGridsAreRefusedInOneLine() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PixelDensity.of(new double[4], 2, 2, 1))
                .getMessage().contains("no dense pixel"));
        assertThrows(IllegalArgumentException.class, () -> PixelDensity.of(new double[] {1, -1, 0, 0}, 2, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> PixelDensity.of(new double[] {1, 1, 1}, 2, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> PixelDensity.of(new double[] {1}, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> PixelDensity.of(new double[1025], 1025, 1, 1));
    }
}
