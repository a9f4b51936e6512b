package org.flowexplorer.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinMaxDownsamplerTest {
    @Test
    void shortSeriesPassThrough() {
        MinMaxDownsampler.Result r = MinMaxDownsampler.downsample(new int[] {0, 1, 2}, new float[] {3, Float.NaN, 1},
                3, 0, 2, 500);
        assertEquals(2, r.length());
        assertEquals(2, r.x()[1]);
        assertEquals(1, r.y()[1]);
    }

    @Test
    void longSeriesKeepsSpikesAndOrder() {
        int n = 100_000;
        int[] steps = new int[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
            values[i] = (float) (3 * Math.exp(-i / 20_000.0) + 0.1 * Math.sin(i));
        }
        values[54_321] = 50;
        values[77_777] = -20;
        int columns = 400;
        MinMaxDownsampler.Result r = MinMaxDownsampler.downsample(steps, values, n, 0, n - 1, columns);
        assertTrue(r.length() <= 4 * (columns + 2), "too many vertices: " + r.length());
        assertTrue(r.length() >= columns, "too few vertices: " + r.length());
        boolean spikeUp = false;
        boolean spikeDown = false;
        for (int i = 0; i < r.length(); i++) {
            spikeUp |= r.x()[i] == 54_321 && r.y()[i] == 50;
            spikeDown |= r.x()[i] == 77_777 && r.y()[i] == -20;
            if (i > 0) {
                assertTrue(r.x()[i] > r.x()[i - 1], "x must increase");
            }
        }
        assertTrue(spikeUp && spikeDown, "extremes must survive");
        assertEquals(0, r.x()[0]);
        assertEquals(n - 1, r.x()[r.length() - 1]);
    }
}
