package org.flowexplorer.model.flow;

/**
 * Where n points are after every layer of a flow, and what each layer computed for them —
 * immutable float32 snapshots for visualisation.
 *
 * <p>{@code positions[0]} is data space and {@code positions[L]} latent space whichever way the
 * points were pushed; {@code positions[l]} ([n, D] row-major) lies between layer l−1 and layer l.
 * {@code scales[l]} and {@code shifts[l]} are layer l's s (after 2·tanh; 0 for additive) and t for
 * each point's transformed coordinates ([n, d_B]); {@code logDets[l]} its per-point log|det| in the
 * forward direction.
 */
public record FlowTrace(int dim, int n, float[][] positions, float[][] scales, float[][] shifts, float[][] logDets) {

    public int layers() {
        return positions.length - 1;
    }

    /** Positions after {@code layer} layers (0 = data, L = latent), [n, D] row-major. */
    public float[] positionsAt(int layer) {
        return positions[layer];
    }
}
