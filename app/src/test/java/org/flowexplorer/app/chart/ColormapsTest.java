package org.flowexplorer.app.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColormapsTest {
    private static int g(int c) {
        return (c >> 8) & 0xFF;
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
