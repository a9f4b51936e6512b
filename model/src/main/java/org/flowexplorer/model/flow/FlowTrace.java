package org.flowexplorer.model.flow;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where n points are after every layer of a flow, and what each layer computed for them —
 * immutable float32 snapshots for visualisation.
 *
 * <p>{@code positions[0]} is data space and {@code positions[L]} latent space whichever way the
 * points were pushed; {@code positions[l]} ([n, D] row-major) lies between layer l−1 and layer l.
 * {@code terms.get(l)} holds layer l's named per-coordinate quantities for each point's transformed
 * coordinates ([n, d_B] each, in the coupling's order, see {@link CouplingLayer#traceTerms()}):
 * an affine coupling has {@link #LOG_SCALE} and {@link #SHIFT}, an additive one only
 * {@link #SHIFT}. {@code logDets[l]} is layer l's per-point log|det| in the forward direction.
 *
 * <p>With blocks after the couplings (a norm and/or a mixer after coupling l, {@link FlowSpec#hasBlocks()}),
 * position l + 1 is after coupling l <em>and</em> its blocks and {@code logDets[l]} is the sum of
 * all; {@code beforeNorm[l]} holds coupling l's output before its blocks ([n, D]) and
 * {@code normLogDets[l]} the blocks' part of {@code logDets[l]} (the coupling's part is the
 * difference). Both are null for a flow without blocks. {@code blockNames} names the blocks after
 * each coupling in order (e.g. "ActNorm", "LU linear"); {@code betweenBlocks[l][b]} ([n, D]) are
 * the points after block b of coupling l for every block but the last (whose output is
 * {@code positions[l + 1]}).
 */
public record FlowTrace(int dim, int n, float[][] positions, List<Map<String, float[]>> terms, float[][] logDets,
                        float[][] beforeNorm, float[][] normLogDets, List<String> blockNames, float[][][] betweenBlocks) {
    /** The log-scale s of an affine coupling (after its {@link ScaleFunction}, the seed's 2·tanh). */
    public static final String LOG_SCALE = "log-scale";
    /** The shift t of an affine or additive coupling. */
    public static final String SHIFT = "shift";

    public FlowTrace {
        terms = List.copyOf(terms);
        blockNames = List.copyOf(blockNames);
        if ((beforeNorm == null) != (normLogDets == null)) {
            throw new IllegalArgumentException("beforeNorm and normLogDets come together");
        }
    }

    /** A trace of a flow without blocks. */
    public FlowTrace(int dim, int n, float[][] positions, List<Map<String, float[]>> terms, float[][] logDets) {
        this(dim, n, positions, terms, logDets, null, null);
    }

    /** A trace of a flow with at most one block after each coupling. */
    public FlowTrace(int dim, int n, float[][] positions, List<Map<String, float[]>> terms, float[][] logDets,
                     float[][] beforeNorm, float[][] normLogDets) {
        this(dim, n, positions, terms, logDets, beforeNorm, normLogDets, beforeNorm == null ? List.of() : List.of("batch norm"),
                new float[positions.length - 1][0][]);
    }

    /**
     * Coupling {@code layer}'s named sub-steps: the coupling's own output, then the output of each
     * block after it (the last is {@code positions[layer + 1]}), each [n, D]; without blocks only
     * the coupling's.
     */
    public java.util.LinkedHashMap<String, float[]> subSteps(int layer) {
        java.util.LinkedHashMap<String, float[]> out = new java.util.LinkedHashMap<>();
        out.put("coupling " + (layer + 1), beforeNormAt(layer));
        for (int b = 0; b < blockNames.size(); b++) {
            out.put(blockNames.get(b), b < blockNames.size() - 1 ? betweenBlocks[layer][b] : positions[layer + 1]);
        }
        return out;
    }

    /** True if every coupling is followed by blocks (a norm, a mixer or both). */
    public boolean hasNorms() {
        return normLogDets != null;
    }

    /** Layer {@code layer}'s norm's per-point log|det| (forward direction), [n]; zeros without norms. */
    public float[] normLogDet(int layer) {
        return hasNorms() ? normLogDets[layer] : new float[n];
    }

    /** Layer {@code layer}'s coupling's part of {@code logDets[layer]}, [n]. */
    public float[] couplingLogDet(int layer) {
        float[] out = logDets[layer].clone();
        if (hasNorms()) {
            for (int i = 0; i < n; i++) {
                out[i] -= normLogDets[layer][i];
            }
        }
        return out;
    }

    /** Coupling {@code layer}'s output before its norm, [n, D]; without norms that is {@code positions[layer + 1]}. */
    public float[] beforeNormAt(int layer) {
        return hasNorms() ? beforeNorm[layer] : positions[layer + 1];
    }

    public int layers() {
        return positions.length - 1;
    }

    /** Positions after {@code layer} layers (0 = data, L = latent), [n, D] row-major. */
    public float[] positionsAt(int layer) {
        return positions[layer];
    }

    /** The names of layer {@code layer}'s per-coordinate terms, in order. */
    public Set<String> termNames(int layer) {
        return terms.get(layer).keySet();
    }

    /** Layer {@code layer}'s term {@code name}, [n, d_B], or null if that coupling has no such term. */
    public float[] term(int layer, String name) {
        return terms.get(layer).get(name);
    }

    /**
     * Every layer's log-scale s, [n, d_B] each; zeros for a layer without one (additive: scale 1).
     * A convenience for affine-style views; a coupling with other terms is read with {@link #term}.
     */
    public float[][] scales() {
        return termOrZero(LOG_SCALE);
    }

    /** Every layer's shift t, [n, d_B] each; zeros for a layer without one. */
    public float[][] shifts() {
        return termOrZero(SHIFT);
    }

    private float[][] termOrZero(String name) {
        float[][] out = new float[layers()][];
        for (int l = 0; l < out.length; l++) {
            float[] t = term(l, name);
            out[l] = t != null ? t : new float[terms.get(l).values().stream().findFirst().map(v -> v.length).orElse(0)];
        }
        return out;
    }
}
