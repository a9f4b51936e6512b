package org.flowexplorer.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatmapRasterTest {
    private static final int UNTOUCHED = 0x12345678;

    @Test
    void interpolatesInsideTheGridAndLeavesOtherPixelsAlone() {
        // v = i + 10 j is linear in x and y, so bilinear sampling reproduces it exactly
        int gw = 5;
        int gh = 4;
        float[] values = new float[gw * gh];
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                values[j * gw + i] = i + 10 * j;
            }
        }
        double xmin = -1, xmax = 1, ymin = 0, ymax = 1.5;
        int size = 64;
        Viewport vp = new Viewport(-2, 2, -1, 2, size); // wider than the grid on every side
        int[] out = new int[size * size];
        Arrays.fill(out, UNTOUCHED);
        HeatmapRaster.render(out, size, vp, values, gw, gh, xmin, xmax, ymin, ymax, false, Colormaps.VIRIDIS);

        int[] lut = Colormaps.VIRIDIS.lut();
        Map<Integer, Integer> indexOf = new HashMap<>();
        for (int k = 0; k < lut.length; k++) {
            indexOf.putIfAbsent(lut[k], k);
        }
        double hi = values[values.length - 1];
        int inside = 0;
        for (int py = 0; py < size; py++) {
            double gy = (vp.toDataY(py + 0.5) - ymin) * (gh - 1) / (ymax - ymin);
            for (int px = 0; px < size; px++) {
                double gx = (vp.toDataX(px + 0.5) - xmin) * (gw - 1) / (xmax - xmin);
                int actual = out[py * size + px];
                if (gx >= 0 && gx <= gw - 1 && gy >= 0 && gy <= gh - 1) {
                    inside++;
                    int expected = Colormaps.index((gx + 10 * gy) / hi); // the low end is 0 on a linear scale
                    Integer got = indexOf.get(actual);
                    assertTrue(got != null && Math.abs(got - expected) <= 1,
                            "pixel " + px + "," + py + ": LUT index " + got + ", expected " + expected);
                } else {
                    assertEquals(UNTOUCHED, actual, "pixel " + px + "," + py + " lies outside the grid");
                }
            }
        }
        assertTrue(inside > 100 && inside < size * size / 2, inside + " pixels inside");
    }
}
