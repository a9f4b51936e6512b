package org.flowexplorer.app.scene;

import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.JacobianChain;

/**
 * The query point taken apart: the change-of-variables sum for the waterfall,
 * log p(x) = log N(z; 0, I) + Σ_l log|det J_l|, from the model's own float32 trace (so the bars add
 * up to the model's log p(x)), and the local 2×2 Jacobians of layers 1…k at the point with their
 * product J_k⋯J_1 beside ∂h_k/∂x by central differences of the map (step {@link #FD_STEP}).
 *
 * @param positions     h_0 = x … h_L = z, [L+1][2], from the model's trace
 * @param logBase       log p_base(z): log N(z; 0, I) = −½(‖z‖² + 2 ln 2π), or a mixture base's log Σ_k w_k N(z; μ_k, σ_k)
 * @param layerLogDets  log|det J_l| of every layer l = 1…L (index l−1), from the model's trace
 * @param modelLogProb  the model's own log p(x), as its loss computes it (−{@link RealNVP#meanNll} of the one point, in double)
 * @param layer         k, the coupling the Jacobians run up to (1…L)
 * @param layerMatrices J_l at h_{l−1} for l = 1…k (index l−1), 2×2 row-major, analytic
 * @param masks         masks[l][d] true when coordinate d conditions layer l+1 (its Jacobian's roles)
 * @param coupling      which coupling the layers are (affine: ∂y_B/∂x_B = exp(s); additive: 1)
 * @param product       J_k ⋯ J_1, 2×2 row-major
 * @param differences   ∂h_k/∂x by central differences of the layers' own float64 passes
 * @param baseComponents how many Gaussians the model's mixture base has; 0 for the standard normal N(0, I)
 */
public record QueryAnatomy(double[][] positions, double logBase, double[] layerLogDets, double modelLogProb, int layer,
        double[][] layerMatrices, boolean[][] masks, CouplingType coupling, double[] product, double[] differences,
        int baseComponents) {
    /** The central-difference step of {@link #differences}, in data units. */
    public static final double FD_STEP = 1e-4;

    /** The anatomy of data point (x, y) up to layer k; null when the model cannot follow it (non-finite). */
    public static QueryAnatomy of(RealNVP model, double[] parameters, double x, double y, int k) {
        float[] p = {(float) x, (float) y};
        FlowTrace t = model.traceForward(p);
        int layers = t.layers();
        double[][] positions = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            positions[l] = new double[] {t.positions()[l][0], t.positions()[l][1]};
        }
        double[] z = positions[layers];
        double standard = -0.5 * (z[0] * z[0] + z[1] * z[1] + 2 * Math.log(2 * Math.PI));
        double logBase = model.mixtureComponents().map(c -> c.logDensity(z)).orElse(standard); // the model's own base
        double[] lds = new double[layers];
        for (int l = 0; l < layers; l++) {
            lds[l] = t.logDets()[l][0];
        }
        double[] x0 = {p[0], p[1]};
        JacobianChain chain = JacobianChain.of(model, parameters, x0, k);
        double[][] mats = new double[k][];
        for (int l = 0; l < k; l++) {
            mats[l] = chain.layerAt(l, 0);
        }
        QueryAnatomy q = new QueryAnatomy(positions, logBase, lds, -model.meanNll(p), k, mats, LayerMasks.of(model),
                model.spec().coupling(), chain.composedAt(0),
                JacobianChain.centralDifferences(model, parameters, x0, k, FD_STEP),
                model.mixtureComponents().map(c -> c.weights().length).orElse(0));
        return q.finite() ? q : null;
    }

    /** The first term of the sum as the views write it: log N(z; 0, I), or log p_base(z) over a mixture base. */
    public String baseTerm() {
        return baseComponents == 0 ? "log N(z; 0, I)" : "log p_base(z)";
    }

    /** The base's short name under the waterfall's first bar. */
    public String baseBarLabel() {
        return baseComponents == 0 ? "N(z)" : "p_base";
    }

    /** What the base is, in words: N(0, I) or the mixture of K Gaussians. */
    public String baseName() {
        return baseComponents == 0 ? "N(0, I)" : "mixture of " + baseComponents + " Gaussians";
    }

    /** log p_base(z) + Σ_l log|det J_l|: what the waterfall's bars add up to. */
    public double total() {
        double s = logBase;
        for (double v : layerLogDets) {
            s += v;
        }
        return s;
    }

    public int layers() {
        return layerLogDets.length;
    }

    /** What entry (i, j) of J_{l+1} is, by that layer's mask. */
    public JacobianChain.Role role(int l, int i, int j) {
        return JacobianChain.role(org.flowexplorer.model.flow.Mask.of(masks[l]), i, j);
    }

    private boolean finite() {
        boolean ok = Double.isFinite(logBase) && Double.isFinite(modelLogProb) && all(product) && all(differences)
                && all(layerLogDets);
        for (double[] m : layerMatrices) {
            ok &= all(m);
        }
        for (double[] h : positions) {
            ok &= all(h);
        }
        return ok;
    }

    private static boolean all(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
