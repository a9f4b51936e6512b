package org.flowexplorer.app.testing;

import java.util.function.DoubleBinaryOperator;
import java.util.function.IntToDoubleFunction;

/** Synthetic chart data shared by the view tests and demos. */
public final class TestData {
    private TestData() {
    }

    /** A loss series: steps and values. */
    public record Series(int[] steps, float[] values) {
    }

    /** {@code n} points at steps 0, 1, …, n−1 with the value {@code f(step)}. */
    public static Series series(int n, IntToDoubleFunction f) {
        int[] steps = new int[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
            values[i] = (float) f.applyAsDouble(i);
        }
        return new Series(steps, values);
    }

    /** A g×g heatmap grid over [lo, hi]², row-major with row 0 at y = lo, of {@code f(x, y)}. */
    public static float[] grid(int g, double lo, double hi, DoubleBinaryOperator f) {
        float[] values = new float[g * g];
        for (int j = 0; j < g; j++) {
            for (int i = 0; i < g; i++) {
                double x = lo + (hi - lo) * i / (g - 1);
                double y = lo + (hi - lo) * j / (g - 1);
                values[j * g + i] = (float) f.applyAsDouble(x, y);
            }
        }
        return values;
    }

    /** Two-coordinate masks alternating per layer: layer 0 conditions on x₁, layer 1 on x₂, … */
    public static boolean[][] alternatingMasks(int layers) {
        boolean[][] m = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            m[l] = new boolean[] {l % 2 == 0, l % 2 == 1};
        }
        return m;
    }

    /** Three layers: a ring, squashed, shifted, rotated. */
    public static float[][] ringLayers(int n) {
        float[][] l = new float[4][2 * n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            float x = (float) Math.cos(a);
            float y = (float) Math.sin(a);
            l[0][2 * i] = x;
            l[0][2 * i + 1] = y;
            l[1][2 * i] = 2 * x;
            l[1][2 * i + 1] = 0.5f * y;
            l[2][2 * i] = 2 * x + 1;
            l[2][2 * i + 1] = 0.5f * y - 1;
            l[3][2 * i] = -(0.5f * y - 1);
            l[3][2 * i + 1] = 2 * x + 1;
        }
        return l;
    }
}
