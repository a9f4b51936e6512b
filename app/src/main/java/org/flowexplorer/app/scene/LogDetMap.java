package org.flowexplorer.app.scene;

import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;

/**
 * A heatmap of log|det J| over a plane: where a layer (or the layers 1…k together) expands space
 * (> 0) and where it squeezes it (< 0). Values at the nodes of a width × height grid over
 * {@code bounds}, row-major with row 0 at ymin (the layout of {@link DensityGrid#gridPoints}),
 * computed by the model's own float32 passes, so they are the per-layer log-dets of its traces.
 * A non-finite value is stored as 0, so a map never holds NaN.
 *
 * @param plane      which plane the map is drawn over, in words (for the caption)
 * @param cumulative whether the values are Σ_{l ≤ k} log|det J_l| rather than layer k's alone
 */
public record LogDetMap(float[] values, int width, int height, Bounds bounds, int layer, boolean cumulative,
        String plane) {

    /**
     * Layer k's own log|det J_k| over its input plane: a grid over {@code inputBounds} in the
     * coordinates h_{k−1} (the stepper's position k − 1), pushed through layer k alone.
     *
     * @param k the coupling, 1…L
     */
    public static LogDetMap perLayer(RealNVP model, int k, Bounds inputBounds, int res) {
        float[] grid = grid(inputBounds, res);
        FlowTrace t = model.layers().get(k - 1).traceForward(grid);
        String plane = k == 1 ? "x = h₀, layer 1's input" : "h" + sub(k - 1) + ", layer " + k + "'s input";
        return new LogDetMap(finite(t.logDets()[0]), res, res, inputBounds, k, false, plane);
    }

    /**
     * log|det ∂h_k/∂x| = Σ_{l ≤ k} log|det J_l| over data space: a grid over {@code dataBounds}
     * pushed through layers 1…k one at a time (the later ones are not needed), their log-dets summed.
     */
    public static LogDetMap cumulative(RealNVP model, int k, Bounds dataBounds, int res) {
        float[] h = grid(dataBounds, res);
        float[] sum = new float[res * res];
        for (int l = 0; l < k; l++) {
            FlowTrace t = model.layers().get(l).traceForward(h);
            float[] ld = t.logDets()[0];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += ld[i];
            }
            h = t.positions()[1];
        }
        return new LogDetMap(finite(sum), res, res, dataBounds, k, true, "data space x");
    }

    /** The grid's nodes, [res·res, 2], row 0 at ymin. */
    public static float[] grid(Bounds b, int res) {
        return DensityGrid.gridPoints(res, res, b.xmin(), b.xmax(), b.ymin(), b.ymax());
    }

    /** The largest |value|: the colour bar runs from −that to +that, centred at 0. */
    public double maxAbs() {
        double m = 0;
        for (float v : values) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** The formula the map shows, e.g. "log|det J₃|" or "Σ_{l≤3} log|det J_l|". */
    public String quantity() {
        return cumulative ? "Σ_{l≤" + layer + "} log|det J_l|" : "log|det J" + sub(layer) + "|";
    }

    private static float[] finite(float[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                v[i] = 0f;
            }
        }
        return v;
    }

    /** Subscript digits, e.g. 12 → "₁₂". */
    public static String sub(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append((char) ('₀' + (c - '0')));
        }
        return s.toString();
    }
}
