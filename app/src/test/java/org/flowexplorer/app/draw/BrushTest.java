package org.flowexplorer.app.draw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BrushTest {
    @Test
    void strokeIsAGaussianOfTheGivenSpreadAroundThePointer() {
        Brush brush = new Brush(0.5, 10);
        float[] p = brush.stroke(2.0, -1.0, 20_000, 7);
        assertEquals(40_000, p.length);
        double mx = 0, my = 0, vx = 0, vy = 0;
        for (int i = 0; i < p.length; i += 2) {
            mx += p[i];
            my += p[i + 1];
        }
        mx /= 20_000;
        my /= 20_000;
        for (int i = 0; i < p.length; i += 2) {
            vx += (p[i] - mx) * (p[i] - mx);
            vy += (p[i + 1] - my) * (p[i + 1] - my);
        }
        assertEquals(2.0, mx, 0.02);
        assertEquals(-1.0, my, 0.02);
        assertEquals(0.5, Math.sqrt(vx / 20_000), 0.01);
        assertEquals(0.5, Math.sqrt(vy / 20_000), 0.01);
    }

    @Test
    void strokeIsSeeded() {
        Brush brush = Brush.DEFAULT;
        assertArrayEquals(brush.stroke(1, 1, 50, 3), brush.stroke(1, 1, 50, 3));
        assertNotEquals(Arrays.toString(brush.stroke(1, 1, 50, 3)), Arrays.toString(brush.stroke(1, 1, 50, 4)));
        assertArrayEquals(new float[] {1.5f, -2f, 1.5f, -2f}, new Brush(0, 1).stroke(1.5, -2, 2, 9));
        assertEquals(0, brush.stroke(0, 0, 0, 1).length);
        assertThrows(IllegalArgumentException.class, () -> brush.stroke(0, 0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> brush.stroke(Double.NaN, 0, 1, 1));
    }

    @Test
    void dragPlacesDensityTimesLengthPointsAlongTheSegment() {
        Brush brush = new Brush(0, 10);
        float[] p = brush.drag(0, 0, 3, 4, 1); // length 5
        assertEquals(2 * 50, p.length);
        for (int i = 0; i < p.length; i += 2) {
            assertEquals(p[i] * 4 / 3, p[i + 1], 1e-5, "on the segment");
        }
        assertEquals(3f, p[p.length - 2], 1e-6);
        assertEquals(0.06f, p[0], 1e-6); // the start is not repeated
        assertEquals(2, brush.drag(1, 1, 1, 1, 1).length); // a click without movement still paints one point
    }

    @Test
    void eraserRemovesPointsWithinTheRadius() {
        float[] pts = {0, 0, 1, 0, 0, 2, 3, 3, 0.5f, 0.5f};
        float[] left = Brush.erase(pts, 0, 0, 1.0);
        assertArrayEquals(new float[] {0, 2, 3, 3}, left); // (1,0) at distance exactly 1 goes too
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 2, 3, 3, 0.5f, 0.5f}, pts, "input untouched");
        assertSame(pts, Brush.erase(pts, 10, 10, 1));
        assertEquals(0, Brush.erase(pts, 0, 0, 100).length);
        assertThrows(IllegalArgumentException.class, () -> Brush.erase(pts, 0, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> Brush.erase(new float[3], 0, 0, 1));
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> new Brush(-0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> new Brush(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Brush(Double.POSITIVE_INFINITY, 1));
        assertEquals(new Brush(0.3, 40), Brush.DEFAULT.withSpread(0.3));
        assertTrue(Brush.DEFAULT.withDensity(5).density() == 5);
    }
}
