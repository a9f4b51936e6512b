package org.flowexplorer.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewportTest {
    @Test
    void padsShorterAxisAndKeepsAspect() {
        Viewport vp = new Viewport(-2, 2, 0, 1, 400);
        assertEquals(-2, vp.xMin(), 1e-12);
        assertEquals(2, vp.xMax(), 1e-12);
        assertEquals(-1.5, vp.yMin(), 1e-12);
        assertEquals(2.5, vp.yMax(), 1e-12);
        assertEquals(100, vp.scale(), 1e-12);
    }

    @Test
    void yPointsUpAndMappingRoundTrips() {
        Viewport vp = new Viewport(-1, 1, -1, 1, 200);
        assertEquals(0, vp.toPixelX(-1), 1e-9);
        assertEquals(200, vp.toPixelX(1), 1e-9);
        assertEquals(0, vp.toPixelY(1), 1e-9);
        assertEquals(200, vp.toPixelY(-1), 1e-9);
        assertEquals(0.37, vp.toDataX(vp.toPixelX(0.37)), 1e-12);
        assertEquals(-0.61, vp.toDataY(vp.toPixelY(-0.61)), 1e-12);
    }

    @Test
    void degenerateBoundsFallBackToUnitRange() {
        Viewport vp = new Viewport(3, 3, Double.NaN, Double.NaN, 100);
        assertEquals(2, vp.xMax() - vp.xMin(), 1e-12);
        assertEquals(3, (vp.xMin() + vp.xMax()) / 2, 1e-12);
    }

    @Test
    void niceTicksUseOneTwoFiveSteps() {
        assertArrayEquals(new double[] {-2, -1, 0, 1, 2}, Ticks.nice(-2.3, 2.7, 5), 1e-12);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, Ticks.nice(0, 1, 5), 0);
        assertArrayEquals(new double[] {0, 50, 100}, Ticks.nice(-10, 120, 3), 1e-12);
        assertEquals(0.5, Ticks.niceStep(0.31), 1e-12);
        assertEquals(2, Ticks.niceStep(1.5), 1e-12);
        Viewport vp = new Viewport(-4, 4, -4, 4, 400);
        assertArrayEquals(new double[] {-4, -2, 0, 2, 4}, vp.xTicks(4), 1e-12);
    }

    @Test
    void smallPlotsStillGetSeveralTicks() {
        // the latent plot's fixed bounds at ~240 px (3 intervals): rounding the step up to 5 left only "0"
        assertArrayEquals(new double[] {-2, 0, 2}, Ticks.nice(-3.6, 3.6, 3), 1e-12);
        assertArrayEquals(new double[] {-1, 0, 1}, Ticks.nice(-1.4, 1.6, 1), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 1}, Ticks.nice(-0.2, 1.1, 3), 1e-12);
        for (double span = 0.01; span < 1000; span *= 1.37) {
            for (int count = 2; count <= 8; count++) {
                assertTrue(Ticks.nice(-span / 2 + 0.1, span / 2 + 0.1, count).length >= 3,
                        "span " + span + ", count " + count);
            }
        }
        assertEquals(5, Ticks.smallerStep(10), 1e-12);
        assertEquals(2, Ticks.smallerStep(5), 1e-12);
        assertEquals(1, Ticks.smallerStep(2), 1e-12);
        assertEquals(0.5, Ticks.smallerStep(1), 1e-12);
    }

    @Test
    void tickLabelsShowEnoughDecimals() {
        assertEquals("0.2", Ticks.format(0.2, 0.2));
        assertEquals("-3", Ticks.format(-3, 1));
        assertEquals("0.25", Ticks.format(0.25, 0.05));
    }
}
