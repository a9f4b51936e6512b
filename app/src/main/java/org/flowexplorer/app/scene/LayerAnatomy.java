package org.flowexplorer.app.scene;

import org.flowexplorer.model.flow.RealNVP;

/**
 * Everything the "Log-det &amp; Jacobian" views show for coupling k, computed together from the
 * model (by the worker on its budget, and by {@code render}): layer k's log-det map over its input
 * plane, the cumulative log-det of layers 1…k over data space, Jacobian glyphs of data → h_k, and
 * the query point's waterfall and Jacobians. Immutable by convention.
 *
 * @param layer      k, 1…L (the stepper's coupling)
 * @param perLayer   log|det J_k| over h_{k−1}
 * @param cumulative Σ_{l ≤ k} log|det J_l| over x
 * @param glyphs     the circles' images under ∂h_k/∂x
 * @param inputs     the displayed points at h_{k−1} (drawn faintly over the per-layer map), or null
 * @param outputs    the displayed points at h_k (drawn faintly under the glyphs), or null
 * @param data       the displayed points in data space (over the cumulative map), or null
 * @param query      the query point's anatomy, or null without one
 * @param millis     how long the computation took
 */
public record LayerAnatomy(int layer, int layers, LogDetMap perLayer, LogDetMap cumulative, JacobianGlyphs glyphs,
        float[] inputs, float[] outputs, float[] data, QueryAnatomy query, double millis) {

    /** What to compute: the planes' boxes and sizes (the cumulative map runs k layers, so it may be coarser). */
    public record Request(int layer, Bounds inputBounds, Bounds dataBounds, int mapResolution, int cumulativeResolution,
            int glyphsPerSide) {
    }

    /**
     * Computes all parts for coupling {@code r.layer()} (call from the model's owner).
     *
     * @param trace positions of the displayed points after each layer (index 0 = data), or null
     * @param query the data-space query point {x, y}, or null
     */
    public static LayerAnatomy of(RealNVP model, Request r, float[][] trace, double[] query) {
        long t0 = System.nanoTime();
        int k = r.layer();
        double[] params = model.parameterValues();
        LogDetMap perLayer = LogDetMap.perLayer(model, k, r.inputBounds(), r.mapResolution());
        LogDetMap cumulative = LogDetMap.cumulative(model, k, r.dataBounds(), r.cumulativeResolution());
        JacobianGlyphs glyphs = JacobianGlyphs.of(model, params, k, r.dataBounds(), r.glyphsPerSide());
        QueryAnatomy q = query == null ? null : QueryAnatomy.of(model, params, query[0], query[1], k);
        return new LayerAnatomy(k, model.layers().size(), perLayer, cumulative, glyphs,
                trace == null ? null : trace[k - 1], trace == null ? null : trace[k], trace == null ? null : trace[0], q,
                (System.nanoTime() - t0) / 1e6);
    }
}
