package org.flowexplorer.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PointColorsTest {
    private static int r(int c) {
        return (c >> 16) & 0xFF;
    }

    private static int g(int c) {
        return (c >> 8) & 0xFF;
    }

    private static int b(int c) {
        return c & 0xFF;
    }

    private static int spread(int c) {
        return Math.max(r(c), Math.max(g(c), b(c))) - Math.min(r(c), Math.min(g(c), b(c)));
    }

    @Test
    void hueFollowsAngleAroundCentroid() {
        // Four points on a circle around (5,5): right, up, left, down, plus the centre.
        float[] xy = {6, 5, 5, 6, 4, 5, 5, 4, 5, 5};
        int[] c = PointColors.byPosition().argbFor(xy);
        assertEquals(5, c.length);
        // angle 0 -> red hue, angle 180 -> cyan hue
        assertTrue(r(c[0]) > g(c[0]) && r(c[0]) > b(c[0]), Integer.toHexString(c[0]));
        assertTrue(b(c[2]) > r(c[2]) && g(c[2]) > r(c[2]), Integer.toHexString(c[2]));
        assertNotEquals(c[1], c[3]);
        for (int x : c) {
            assertEquals(0xFF, x >>> 24);
        }
    }

    @Test
    void centreIsPaleAndEdgeSaturated() {
        float[] xy = {1, 0, -1, 0, 0, 1, 0, -1, 0.01f, 0};
        int[] c = PointColors.byPosition().argbFor(xy);
        assertTrue(spread(c[4]) < spread(c[0]) / 2, "centre should be less saturated");
    }

    @Test
    void fixedModeGivesOneColour() {
        int[] c = PointColors.fixed(0x80123456).argbFor(new float[] {1, 2, 3, 4, 5, 6});
        assertEquals(3, c.length);
        for (int x : c) {
            assertEquals(0x80123456, x);
        }
    }

    @Test
    void colormapEndsMatchViridis() {
        assertEquals(0xFF440154, Colormaps.VIRIDIS.argb(0));
        assertEquals(0xFFFDE725, Colormaps.VIRIDIS.argb(1));
        assertEquals(0xFFFDE725, Colormaps.VIRIDIS.argb(7));
        assertEquals(0xFF440154, Colormaps.VIRIDIS.argb(Double.NaN));
        assertEquals(Colormaps.LUT_SIZE, Colormaps.MAGMA.lut().length);
        // perceptual maps brighten monotonically in green here
        int[] lut = Colormaps.VIRIDIS.lut();
        for (int i = 1; i < lut.length; i++) {
            assertTrue(g(lut[i]) >= g(lut[i - 1]) - 1);
        }
    }
}
