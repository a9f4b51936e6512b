package org.flowexplorer.app.scene;

import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.RealNVP;

/**
 * The density heatmap: p(x) = exp(log p(x)) at the nodes of a res × res grid over a box, row-major
 * with row 0 at ymin (the layout of {@link DensityGrid#gridPoints}); a non-finite density shows as 0,
 * so a heatmap never holds NaN.
 *
 * @param values [res · res] densities, all finite and non-negative
 */
public record DensityImage(float[] values, int width, int height, Bounds bounds) {

    /** Evaluates {@code model} on the grid, split across {@code grid}'s threads (call from the model's owner). */
    public static DensityImage of(DensityGrid grid, RealNVP model, int res, Bounds b) {
        float[] logp = grid.logDensity(model, res, res, b.xmin(), b.xmax(), b.ymin(), b.ymax());
        return new DensityImage(densities(logp), res, res, b);
    }

    /** exp of each log-density in place, non-finite results as 0; returns the same array. */
    static float[] densities(float[] logp) {
        for (int i = 0; i < logp.length; i++) {
            float p = (float) Math.exp(logp[i]);
            logp[i] = Float.isFinite(p) ? p : 0f;
        }
        return logp;
    }
}
