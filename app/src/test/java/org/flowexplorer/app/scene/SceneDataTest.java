package org.flowexplorer.app.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.model.train.LossHistory;
import org.junit.jupiter.api.Test;

/** The JavaFX-free scene data shared by the worker and {@code render}. */
class SceneDataTest {
    private static final float[][] LAYERS = {{0f, 0f, 1f, 2f}, {2f, 4f, 1f, -2f}, {2f, 4f, 5f, 0f}};

    @Test
    void interpolationBetweenLayersIsExactAtLayersAndClamped() {
        // (the scrubber's former copy is gone; view.InterpolateTest holds its assertions against this one)
        for (double p : new double[] {-1, 0, 1, 2, 3, Double.NaN}) {
            int k = Double.isNaN(p) ? 0 : (int) Math.max(0, Math.min(2, p));
            assertArrayEquals(LAYERS[k], LayerInterpolation.at(LAYERS, p), "p = " + p);
            assertArrayEquals(LAYERS[k], LayerInterpolation.at(LAYERS, p, true), "smooth, p = " + p);
        }
        assertArrayEquals(new float[] {0.3125f, 0.625f, 1f, 1.375f}, LayerInterpolation.at(LAYERS, 0.25, true));
        assertArrayEquals(new float[] {1f, 2f, 1f, 0f}, LayerInterpolation.at(LAYERS, 0.5));
        assertNotSame(LAYERS[2], LayerInterpolation.at(LAYERS, 2), "a copy, never the layer itself");
    }

    @Test
    void aQueryPathAndTheBoundsFollowTheSameInterpolation() {
        float[] path = {0f, 0f, 2f, 4f, 2f, 4f}; // point 0 of LAYERS at layers 0, 1, 2
        for (double p : new double[] {0, 0.25, 1, 1.5, 2, 5}) {
            float[] expected = LayerInterpolation.at(LAYERS, p);
            assertArrayEquals(new float[] {expected[0], expected[1]}, LayerInterpolation.alongPath(path, p), "p = " + p);
        }
        Bounds[] b = {new Bounds(0, 1, 0, 1), new Bounds(-2, 2, -4, 4)};
        assertEquals(new Bounds(-1, 1.5, -2, 2.5), LayerInterpolation.bounds(b, 0.5));
        assertEquals(b[1], LayerInterpolation.bounds(b, 7));
    }

    @Test
    void squareBoundsIgnoreOutliersAndNonFinitePoints() {
        float[] xy = new float[2 * 1001];
        for (int i = 0; i < 1000; i++) {
            xy[2 * i] = i / 999f;       // x in [0, 1]
            xy[2 * i + 1] = i / 1998f;  // y in [0, 0.5]
        }
        xy[2000] = Float.NaN;
        xy[2001] = 1e30f;
        Bounds b = Bounds.squareAround(xy, 0, 0);
        assertEquals(b.width(), b.height(), 1e-9, "square");
        assertEquals(0.5, (b.xmin() + b.xmax()) / 2, 1e-6);
        assertEquals(1.0, b.width(), 1e-6, "the larger range, not stretched by the non-finite point");
        assertEquals(Bounds.LATENT, Bounds.squareAround(new float[] {Float.NaN, 1f}, 0.01, 0.1));
        Bounds padded = Bounds.squareAround(xy, 0, 0.1);
        assertEquals(1.2, padded.width(), 1e-6);
    }

    @Test
    void warpedGridLinesSpanTheBox() {
        Bounds b = new Bounds(-1, 3, 0, 2);
        float[] pts = WarpedGrid.points(b, 3, 5);
        assertEquals(2 * 3 * 5 * 2, pts.length);
        float[][] lines = WarpedGrid.polylines(pts, 6, 5);
        assertArrayEquals(new float[] {-1, 0, -1, 0.5f, -1, 1, -1, 1.5f, -1, 2}, lines[0], "first vertical line");
        assertArrayEquals(new float[] {-1, 2, 0, 2, 1, 2, 2, 2, 3, 2}, lines[5], "last horizontal line");
    }

    @Test
    void lossCurvesLeaveOutWhatWasNotMeasured() {
        LossHistory h = new LossHistory();
        h.append(0, Double.NaN, 3.0);
        h.append(1, 2.5, Double.NaN);
        h.append(2, 2.25, 2.75);
        LossCurve train = LossCurve.train(h.snapshot());
        assertArrayEquals(new int[] {1, 2}, train.steps());
        assertArrayEquals(new float[] {2.5f, 2.25f}, train.values());
        assertEquals(2.25f, train.last());
        assertArrayEquals(new int[] {0, 2}, LossCurve.test(h.snapshot()).steps());
        assertArrayEquals(new int[] {2}, LossCurve.test(h.snapshot(), 1, 3).steps(), "an increment");
        assertEquals(0, LossCurve.train(null).size());
        assertTrue(Float.isNaN(LossCurve.EMPTY.last()));
    }

    @Test
    void densitiesAreFiniteAndNonNegative() {
        float[] p = DensityImage.densities(new float[] {0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY});
        assertArrayEquals(new float[] {1f, 0f, 0f, 0f}, p);
    }
}
