package org.flowexplorer.app.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The point colours (moved here from view.PointColors with their assertions). */
class PaletteTest {
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
        int[] c = Palette.byPosition(xy);
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
        int[] c = Palette.byPosition(xy);
        assertTrue(spread(c[4]) < spread(c[0]) / 2, "centre should be less saturated");
    }

    @Test
    void fixedModeGivesOneColour() {
        int[] c = Palette.uniform(0x80123456, new float[] {1, 2, 3, 4, 5, 6});
        assertEquals(3, c.length);
        for (int x : c) {
            assertEquals(0x80123456, x);
        }
    }

    @Test
    void samplesHaveAColourNoTrainingPointHas() {
        // a 41×41 grid: every angle and radius around the centroid, out to the saturated rim
        float[] xy = new float[2 * 41 * 41];
        for (int i = 0; i < 41 * 41; i++) {
            xy[2 * i] = i % 41 - 20;
            xy[2 * i + 1] = i / 41 - 20;
        }
        for (int c : Palette.byPosition(xy)) {
            int d = Math.max(Math.abs(r(c) - r(Palette.SAMPLE)),
                    Math.max(Math.abs(g(c) - g(Palette.SAMPLE)), Math.abs(b(c) - b(Palette.SAMPLE))));
            assertTrue(d >= 100, Integer.toHexString(c) + " is close to the sample colour");
        }
        assertTrue(Math.max(Math.abs(r(Palette.QUERY) - r(Palette.SAMPLE)), Math.abs(g(Palette.QUERY) - g(Palette.SAMPLE))) >= 100,
                "samples and the query point differ too");
    }
}
