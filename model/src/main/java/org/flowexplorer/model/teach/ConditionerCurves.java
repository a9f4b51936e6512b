package org.flowexplorer.model.teach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowexplorer.model.eval.LayerHealth;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;

/**
 * What one coupling's conditioner learned, as curves: s(x_A) and t(x_A) for each transformed
 * coordinate while one conditioning coordinate sweeps the range the data reach at that layer. With
 * the 2-D half masks x_A is one coordinate, so the curves are the whole conditioner; with more
 * conditioning coordinates they are a slice ({@link #slice()}), the others held at the query
 * point's values there (or the data's median without a query point).
 *
 * <p>Every value comes from the layer's own code ({@link CouplingLayer#traceTermsAt}: the pass of
 * {@link CouplingLayer#walk} over the whole sweep at once, float64, reported as float32), so these
 * are the s and t the layer applies. Below the curves: the histogram of the conditioning
 * coordinate at that layer and the share of data points whose |s| is near the ±2 bound.
 *
 * @param layer          the coupling, 0-based
 * @param layerCount     L
 * @param type           affine (s and t) or additive (t only: {@link Curve#s()} is null)
 * @param varied         the conditioning coordinate swept
 * @param slice          whether other conditioning coordinates were held fixed (d_A &gt; 1)
 * @param base           the layer input the sweep starts from, [D] (only {@code varied} changes)
 * @param inputs         the swept values of coordinate {@code varied}, increasing
 * @param curves         one per transformed coordinate, in the mask's order
 * @param histogram      the data's values of coordinate {@code varied} at this layer, over [inputs₀, inputs_last]
 * @param saturatedShare share of the data points with some |s| &gt; {@link LayerHealth#SATURATED} (0 additive)
 * @param queryValue     the query point's value of coordinate {@code varied} at this layer; NaN without one
 * @param splines        a spline coupling's splines at {@code base} (one per transformed coordinate, the
 *                       query point marked on them); empty for the other couplings. Its s and t curves are
 *                       the spline's local slope and intercept at base's transformed coordinates
 */
public record ConditionerCurves(int layer, int layerCount, CouplingType type, int varied, boolean slice, double[] base,
        double[] inputs, List<Curve> curves, Histogram histogram, double saturatedShare, double queryValue,
        List<SplineCurve> splines) {

    /**
     * @param coordinate the transformed coordinate (index into the layer's D)
     * @param s          s at each input (after 2·tanh), null for a coupling without a scale
     * @param t          t at each input
     */
    public record Curve(int coordinate, double[] s, double[] t) {
    }

    /** {@code counts.length} equal bins over [lo, hi]; values outside are left out. */
    public record Histogram(double lo, double hi, int[] counts) {
        public int max() {
            return Arrays.stream(counts).max().orElse(0);
        }
    }

    public static final int DEFAULT_POINTS = 200;
    public static final int DEFAULT_BINS = 40;

    /**
     * The curves of coupling {@code layer}.
     *
     * @param data      the data points pushed forward through {@code flow} (range, histogram, saturation)
     * @param query     the query point in data space, or null
     * @param points    samples along each curve (≥ 2)
     */
    public static ConditionerCurves of(RealNVP flow, FlowTrace data, int layer, float[] query, int points, int bins) {
        if (layer < 0 || layer >= flow.layers().size()) {
            throw new IllegalArgumentException("layer " + layer + " out of range 0.." + (flow.layers().size() - 1));
        }
        if (points < 2 || bins < 1) {
            throw new IllegalArgumentException("need at least 2 points and 1 bin, got " + points + " and " + bins);
        }
        CouplingLayer coupling = flow.layers().get(layer);
        int d = flow.dim(), n = data.n();
        int[] conditioning = coupling.mask().conditioningIndices();
        int varied = conditioning[0];
        float[] at = data.positions()[layer];
        double[] base = query != null ? toDouble(flow.traceForward(query).positions()[layer]) : medians(at, n, d);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < n; r++) {
            lo = Math.min(lo, at[r * d + varied]);
            hi = Math.max(hi, at[r * d + varied]);
        }
        if (!(hi > lo)) { // one point, or none: a unit range around it
            double c = n == 0 ? 0 : lo;
            lo = c - 0.5;
            hi = c + 0.5;
        }
        double pad = 0.05 * (hi - lo);
        lo -= pad;
        hi += pad;
        double[] inputs = new double[points];
        for (int i = 0; i < points; i++) {
            inputs[i] = lo + (hi - lo) * i / (points - 1);
        }
        List<Curve> curves = sweep(flow, coupling, base, varied, inputs);
        float[] s = data.term(layer, FlowTrace.LOG_SCALE);
        double share = s == null ? 0 : LayerHealth.saturatedShare(s, n);
        return new ConditionerCurves(layer, flow.layers().size(), coupling.type(), varied, conditioning.length > 1, base,
                inputs, curves, histogram(at, n, d, varied, lo, hi, bins), share,
                query != null ? base[varied] : Double.NaN,
                SplineCurve.of(coupling, flow.parameterValues(), base, SplineCurve.DEFAULT_POINTS));
    }

    /** s and t of every transformed coordinate at each input: one float64 pass of the layer's own code over the sweep. */
    private static List<Curve> sweep(RealNVP flow, CouplingLayer coupling, double[] base, int varied, double[] inputs) {
        int[] transformed = coupling.mask().transformedIndices();
        int d = base.length, n = inputs.length, dt = transformed.length;
        double[] rows = new double[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(base, 0, rows, i * d, d);
            rows[i * d + varied] = inputs[i];
        }
        float[][] terms = coupling.traceTermsAt(flow.parameterValues(), rows, n);
        List<String> names = coupling.traceTerms();
        int si = names.indexOf(FlowTrace.LOG_SCALE), ti = names.indexOf(FlowTrace.SHIFT);
        List<Curve> curves = new ArrayList<>();
        for (int j = 0; j < dt; j++) {
            curves.add(new Curve(transformed[j], si < 0 ? null : column(terms[si], dt, j), column(terms[ti], dt, j)));
        }
        return List.copyOf(curves);
    }

    /** Column j of a [n, dt] float array, as doubles. */
    private static double[] column(float[] a, int dt, int j) {
        double[] out = new double[a.length / dt];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i * dt + j];
        }
        return out;
    }

    private static Histogram histogram(float[] at, int n, int d, int c, double lo, double hi, int bins) {
        int[] counts = new int[bins];
        for (int r = 0; r < n; r++) {
            int b = (int) Math.floor((at[r * d + c] - lo) / (hi - lo) * bins);
            if (b >= 0 && b < bins) {
                counts[b]++;
            }
        }
        return new Histogram(lo, hi, counts);
    }

    private static double[] medians(float[] at, int n, int d) {
        double[] m = new double[d];
        float[] col = new float[n];
        for (int j = 0; j < d && n > 0; j++) {
            for (int r = 0; r < n; r++) {
                col[r] = at[r * d + j];
            }
            Arrays.sort(col);
            m[j] = col[n / 2];
        }
        return m;
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** Whether the conditioner has a scale curve (affine) besides the shift. */
    public boolean hasScale() {
        return type != CouplingType.ADDITIVE;
    }
}
