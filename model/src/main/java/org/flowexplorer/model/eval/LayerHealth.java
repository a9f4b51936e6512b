package org.flowexplorer.model.eval;

import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;

/**
 * The numbers that show a flow getting into numerical trouble before it diverges, measured on a
 * probe batch of points: how close each layer's log-scale s is to the ±2 bound of s = 2·tanh(raw s)
 * (where its gradient 2 − s²/2 vanishes), each layer's log|det J| extremes, and whether the inverse
 * still recovers the points (‖f⁻¹(f(x)) − x‖).
 *
 * @param points         how many points the per-layer figures cover
 * @param probePoints    how many of them the round trip pulled back (a strided subset)
 * @param maxAbsScale    per layer, max |s| over the probe (0 for a coupling without a scale, e.g. additive)
 * @param saturatedShare per layer, the share of probe points with some |s| &gt; {@link #SATURATED}
 * @param logDetMin      per layer, the smallest log|det J_k| over the probe
 * @param logDetMax      per layer, the largest log|det J_k| over the probe
 * @param roundTripMax   max over the probe of ‖f⁻¹(f(x)) − x‖ (Euclidean, data space)
 */
public record LayerHealth(int points, int probePoints, double[] maxAbsScale, double[] saturatedShare, double[] logDetMin,
        double[] logDetMax, double roundTripMax) {
    /** |s| above this counts as saturated: within 5 % of the bound 2, where tanh has flattened out. */
    public static final double SATURATED = 1.9;

    public int layers() {
        return maxAbsScale.length;
    }

    /** Measures every point of {@code trace} (points pushed forward through {@code flow}), the round trip too. */
    public static LayerHealth of(RealNVP flow, FlowTrace trace) {
        return of(flow, trace, Integer.MAX_VALUE);
    }

    /**
     * Measures {@code trace} (points pushed forward through {@code flow}); the round trip pulls at
     * most {@code probeMax} of its latent points (evenly strided) back with the flow's inverse.
     */
    public static LayerHealth of(RealNVP flow, FlowTrace trace, int probeMax) {
        int layers = trace.layers(), n = trace.n();
        double[] maxS = new double[layers], share = new double[layers], lo = new double[layers], hi = new double[layers];
        for (int l = 0; l < layers; l++) {
            float[] s = trace.term(l, FlowTrace.LOG_SCALE);
            maxS[l] = s == null ? 0 : maxAbs(s);
            share[l] = s == null ? 0 : saturatedShare(s, n);
            float[] ld = trace.logDets()[l];
            lo[l] = Double.POSITIVE_INFINITY;
            hi[l] = Double.NEGATIVE_INFINITY;
            for (float v : ld) {
                lo[l] = Math.min(lo[l], v);
                hi[l] = Math.max(hi[l], v);
            }
        }
        int d = trace.dim(), probe = Math.min(n, probeMax);
        float[] x = rows(trace.positions()[0], d, n, probe);
        float[] back = flow.inverse(rows(trace.positions()[layers], d, n, probe), null);
        return new LayerHealth(n, probe, maxS, share, lo, hi, roundTripMax(x, back, d));
    }

    /** {@code m} of the n rows of {@code a} ([n, d]), evenly strided; {@code a} itself when m = n. */
    private static float[] rows(float[] a, int d, int n, int m) {
        if (m == n) {
            return a;
        }
        float[] out = new float[m * d];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a, (int) ((long) i * n / m) * d, out, i * d, d);
        }
        return out;
    }

    /** The largest |v|. */
    public static double maxAbs(float[] v) {
        double m = 0;
        for (float f : v) {
            m = Math.max(m, Math.abs(f));
        }
        return m;
    }

    /** Share of the {@code n} rows of {@code s} ([n, d] row-major) with some |s| &gt; {@link #SATURATED}; 0 when n = 0. */
    public static double saturatedShare(float[] s, int n) {
        if (n == 0) {
            return 0;
        }
        int d = s.length / n, saturated = 0;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                if (Math.abs(s[r * d + j]) > SATURATED) {
                    saturated++;
                    break;
                }
            }
        }
        return (double) saturated / n;
    }

    /** max over rows of ‖back_r − x_r‖ for [n, dim] row-major arrays. */
    public static double roundTripMax(float[] x, float[] back, int dim) {
        double worst = 0;
        for (int r = 0; r < x.length / dim; r++) {
            double sq = 0;
            for (int j = 0; j < dim; j++) {
                double e = (double) back[r * dim + j] - x[r * dim + j];
                sq += e * e;
            }
            worst = Math.max(worst, Math.sqrt(sq));
        }
        return worst;
    }
}
