package org.flowexplorer.app.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.flowexplorer.app.scene.LayerInterpolation;
import org.junit.jupiter.api.Test;

class InterpolateTest {
    private final float[][] layers = {{0, 0, 10, 10}, {2, 4, 10, 20}, {4, 8, 0, 0}};

    @Test
    void exactLayersAreCopies() {
        float[] at1 = LayerInterpolation.at(layers, 1);
        assertArrayEquals(layers[1], at1);
        assertNotSame(layers[1], at1);
        assertArrayEquals(layers[2], LayerInterpolation.at(layers, 2));
    }

    @Test
    void blendsNeighboursLinearly() {
        assertArrayEquals(new float[] {1, 2, 10, 15}, LayerInterpolation.at(layers, 0.5), 1e-6f);
        assertArrayEquals(new float[] {3.5f, 7, 2.5f, 5}, LayerInterpolation.at(layers, 1.75), 1e-6f);
    }

    @Test
    void clampsOutOfRangePositions() {
        assertArrayEquals(layers[0], LayerInterpolation.at(layers, -3));
        assertArrayEquals(layers[2], LayerInterpolation.at(layers, 99));
    }

    @Test
    void smoothstepEasesButKeepsEndsAndMiddle() {
        assertArrayEquals(new float[] {1, 2, 10, 15}, LayerInterpolation.at(layers, 0.5, true), 1e-6f);
        // f = 0.25 -> 3f²-2f³ = 0.15625
        assertArrayEquals(new float[] {0.3125f, 0.625f, 10, 11.5625f},
                LayerInterpolation.at(layers, 0.25, true), 1e-5f);
    }

    @Test
    void rejectsMismatchedLayers() {
        assertThrows(IllegalArgumentException.class,
                () -> LayerInterpolation.at(new float[][] {{0, 0}, {1, 1, 2, 2}}, 0.5));
    }
}
