package org.flowexplorer.model.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * The rational-quadratic spline coupling of Neural Spline Flows (Durkan et al. 2019), as nflows'
 * {@code PiecewiseRationalQuadraticCouplingTransform} with {@code tails='linear'}:
 *
 * <pre>
 *   θ_j        = conditioner(x_A)[j·(3K−1) … (j+1)·(3K−1))   (per transformed coordinate j: K widths, K heights, K−1 derivatives)
 *   y          = x_m + (1 − m) · g_θ(x)                    (g_θ: {@link RationalQuadraticSpline}, K bins on [−B, B], identity outside)
 *   log|det J| = Σ_j log g′_θj(x_j)
 *   inverse:  x_B = g_θ⁻¹(y_B) (root of a quadratic per coordinate),  log|det J⁻¹| = −Σ_j log g′(x_j)
 *   backward: analytic through g, the knots' cumulative sums, softmax and softplus ({@link RationalQuadraticSpline})
 * </pre>
 *
 * With the last Linear at zero the spline starts with equal bins and knot slopes
 * 1e-3 + softplus(0) ≈ 0.69 inside (nflows' default, not the identity); the tails are the identity.
 * Unlike nflows this class does not divide the unnormalised widths and heights by √hidden.
 *
 * <p>For the views that read s and t, the trace terms are the spline's local affine fit at each
 * point: {@link FlowTrace#LOG_SCALE} = log g′(x) and {@link FlowTrace#SHIFT} = g(x) − x·g′(x), so
 * g(x) = x·exp(s) + t holds at the point itself. Buffers are row-major [rows, d_B]; the
 * conditioner output o is [rows, d_B·(3K−1)].
 */
public final class SplineCoupling extends CouplingLayer {
    private static final List<String> TERMS = List.of(FlowTrace.LOG_SCALE, FlowTrace.SHIFT);

    private final SplineShape shape;

    SplineCoupling(Mask mask, int[] hidden, SplineShape shape, ParameterStore<?> store, int offset) {
        super(CouplingType.SPLINE, mask, hidden, shape, store, offset);
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    /** A stand-alone layer with its own parameters, initialised as PyTorch would (last Linear zero). */
    public static SplineCoupling create(Mask mask, int[] hidden, SplineShape shape, Precision precision, long seed) {
        return (SplineCoupling) standalone(CouplingType.SPLINE, mask, hidden, ScaleFunction.DEFAULT, shape, precision, seed);
    }

    public SplineShape shape() {
        return shape;
    }

    /**
     * The splines this layer applies to one input point: one per transformed coordinate (mask
     * order), from the conditioner run in float64 on the point's conditioning coordinates.
     *
     * @param parameters the whole store's parameters, as for {@link #walk}
     * @param input      the layer's input, [D] (only the conditioning coordinates matter)
     */
    public List<RationalQuadraticSpline> splinesAt(double[] parameters, double[] input) {
        double[] o = conditionerOutput(parameters, input);
        int per = shape.outputsPerTransformed();
        List<RationalQuadraticSpline> out = new ArrayList<>();
        for (int j = 0; j < transformedCount(); j++) {
            RationalQuadraticSpline s = new RationalQuadraticSpline(shape);
            s.load(o, j * per);
            out.add(s);
        }
        return List.copyOf(out);
    }

    // ---- y = g(x), ld += Σ log g′(x); trace terms: s = log g′, t = g − x·g′ ---------------------

    static void forward(SplineShape shape, float[] o, float[] u, int rows, int dt, float[] s, float[] t, float[] yT, float[] ld) {
        RationalQuadraticSpline g = new RationalQuadraticSpline(shape);
        double[] l = new double[1];
        int per = shape.outputsPerTransformed();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                g.load(o, i * per);
                double y = g.forward(u[i], l, 0);
                yT[i] = (float) y;
                s[i] = (float) l[0];
                t[i] = (float) (y - u[i] * Math.exp(l[0]));
                sum += l[0];
            }
            ld[r] += (float) sum;
        }
    }

    static void forward(SplineShape shape, double[] o, double[] u, int rows, int dt, double[] s, double[] t, double[] yT, double[] ld) {
        RationalQuadraticSpline g = new RationalQuadraticSpline(shape);
        double[] l = new double[1];
        int per = shape.outputsPerTransformed();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                g.load(o, i * per);
                double y = g.forward(u[i], l, 0);
                yT[i] = y;
                s[i] = l[0];
                t[i] = y - u[i] * Math.exp(l[0]);
                sum += l[0];
            }
            ld[r] += sum;
        }
    }

    // ---- x = g⁻¹(y), ld −= Σ log g′(x) ----------------------------------------------------------

    static void inverse(SplineShape shape, float[] o, float[] yT, int rows, int dt, float[] s, float[] t, float[] u, float[] ld) {
        RationalQuadraticSpline g = new RationalQuadraticSpline(shape);
        double[] l = new double[1];
        int per = shape.outputsPerTransformed();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                g.load(o, i * per);
                double x = g.inverse(yT[i], l, 0);
                u[i] = (float) x;
                s[i] = (float) -l[0];
                t[i] = (float) (yT[i] - x * Math.exp(-l[0]));
                sum += l[0];
            }
            ld[r] += (float) sum;
        }
    }

    static void inverse(SplineShape shape, double[] o, double[] yT, int rows, int dt, double[] s, double[] t, double[] u, double[] ld) {
        RationalQuadraticSpline g = new RationalQuadraticSpline(shape);
        double[] l = new double[1];
        int per = shape.outputsPerTransformed();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                g.load(o, i * per);
                double x = g.inverse(yT[i], l, 0);
                u[i] = x;
                s[i] = -l[0];
                t[i] = yT[i] - x * Math.exp(-l[0]);
                sum += l[0];
            }
            ld[r] += sum;
        }
    }

    // ---- backward: dO[coordinate] = ∂L/∂θ_j, dU = ∂L/∂x --------------------------------------------

    static void backward(SplineShape shape, float[] o, float[] u, float[] dyT, float[] dld, int rows, int dt, float[] dO, float[] dU) {
        RationalQuadraticSpline g = new RationalQuadraticSpline(shape);
        int per = shape.outputsPerTransformed();
        double[] grad = new double[per];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                g.load(o, i * per);
                dU[i] = (float) g.backward(u[i], dyT[i], dld[r], grad, 0);
                for (int p = 0; p < per; p++) {
                    dO[i * per + p] = (float) grad[p];
                }
            }
        }
    }

    static void backward(SplineShape shape, double[] o, double[] u, double[] dyT, double[] dld, int rows, int dt, double[] dO, double[] dU) {
        RationalQuadraticSpline g = new RationalQuadraticSpline(shape);
        int per = shape.outputsPerTransformed();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                g.load(o, i * per);
                dU[i] = g.backward(u[i], dyT[i], dld[r], dO, i * per);
            }
        }
    }

    // ---- the hooks: pick the head for the array type ----------------------------------------------

    @Override
    int headBuffers() {
        return 2;
    }

    @Override
    <A> void headForward(CouplingWorkspace<A> w, A ld, int rows) {
        int dt = transformedCount();
        if (ld instanceof float[] l) {
            forward(shape, (float[]) w.output(), (float[]) w.u, rows, dt, (float[]) w.head.get(0), (float[]) w.head.get(1), (float[]) w.yT, l);
        } else {
            forward(shape, (double[]) w.output(), (double[]) w.u, rows, dt, (double[]) w.head.get(0), (double[]) w.head.get(1),
                    (double[]) w.yT, (double[]) ld);
        }
    }

    @Override
    <A> void headInverse(CouplingWorkspace<A> w, A ld, int rows) {
        int dt = transformedCount();
        if (ld instanceof float[] l) {
            inverse(shape, (float[]) w.output(), (float[]) w.yT, rows, dt, (float[]) w.head.get(0), (float[]) w.head.get(1), (float[]) w.u, l);
        } else {
            inverse(shape, (double[]) w.output(), (double[]) w.yT, rows, dt, (double[]) w.head.get(0), (double[]) w.head.get(1),
                    (double[]) w.u, (double[]) ld);
        }
    }

    @Override
    <A> void headBackward(CouplingWorkspace<A> w, A dld, int rows) {
        int dt = transformedCount();
        if (dld instanceof float[] l) {
            backward(shape, (float[]) w.output(), (float[]) w.u, (float[]) w.dyT, l, rows, dt, (float[]) w.dO, (float[]) w.dU);
        } else {
            backward(shape, (double[]) w.output(), (double[]) w.u, (double[]) w.dyT, (double[]) dld, rows, dt, (double[]) w.dO,
                    (double[]) w.dU);
        }
    }

    @Override
    public List<String> traceTerms() {
        return TERMS;
    }

    @Override
    <A> void copyTraceTerm(int term, Numerics<A> nm, CouplingWorkspace<A> w, int rows, float[] out, int off) {
        copyFloats(nm, w.head.get(term), 0, rows * transformedCount(), out, off);
    }

    // ---- the walk-through: bin, knots, θ and the rational function with the point's numbers ------

    @Override
    CouplingWalk.Head explain(CouplingWorkspace<double[]> w, boolean inverse) {
        int dt = transformedCount(), k = shape.bins();
        String[] names = {"bin k", "x_k", "x_k+1", "y_k", "y_k+1", "d_k", "d_k+1", "δ", "θ"};
        double[][] v = new double[names.length][dt];
        double[] terms = new double[dt];
        for (int j = 0; j < dt; j++) {
            RationalQuadraticSpline g = new RationalQuadraticSpline(shape);
            g.load(w.output(), j * shape.outputsPerTransformed());
            double x = w.u[j];
            int b = g.binOf(x);
            double[] xs = g.knotXs(), ys = g.knotYs(), ds = g.knotDerivatives();
            terms[j] = (inverse ? -1 : 1) * g.logDerivative(x) + 0.0;
            if (b < 0) {
                v[0][j] = -1;
                for (int r = 1; r < names.length; r++) {
                    v[r][j] = Double.NaN;
                }
                continue;
            }
            double delta = (ys[b + 1] - ys[b]) / (xs[b + 1] - xs[b]);
            double[] col = {b, xs[b], xs[b + 1], ys[b], ys[b + 1], ds[b], ds[b + 1], delta, (x - xs[b]) / (xs[b + 1] - xs[b])};
            for (int r = 0; r < names.length; r++) {
                v[r][j] = col[r];
            }
        }
        String a = inverse ? "y_A" : "x_A", bx = inverse ? "y" : "x";
        String[] formulas = {
            "k: " + bx + "_k ≤ " + bx + " < " + bx + "_k+1 among " + shape + " from NN(" + a + ")  (−1: tail, identity)",
            "x_k = −B + 2B·Σ_{l<k} (10⁻³ + (1 − K·10⁻³)·softmax(widths)_l)", "right knot of bin k",
            "y_k: the same with softmax(heights)", "top knot of bin k",
            "d_k = 10⁻³ + softplus(raw d_k)   (d = 1 at ±B)", "slope at the right knot",
            "δ = (y_k+1 − y_k) / (x_k+1 − x_k)",
            inverse ? "θ = 2c / (−b − √(b² − 4ac))   (root of the bin's quadratic)" : "θ = (x − x_k) / (x_k+1 − x_k)"};
        List<CouplingWalk.Step> steps = new ArrayList<>();
        for (int r = 0; r < names.length; r++) {
            steps.add(new CouplingWalk.Step(names[r], formulas[r], v[r]));
        }
        double[] result = java.util.Arrays.copyOf(inverse ? w.u : w.yT, dt);
        String rational = "y_k + (y_k+1 − y_k)·(δθ² + d_k·θ(1−θ)) / (δ + (d_k + d_k+1 − 2δ)·θ(1−θ))";
        String formula = (inverse ? "x = x_k + θ·(x_k+1 − x_k)" : "g(x) = " + rational) + numbers(v, result, 0, inverse);
        steps.add(new CouplingWalk.Step(inverse ? "g⁻¹(y)" : "g(x)", formula, result));
        return new CouplingWalk.Head(steps, inverse ? "g⁻¹(y)" : "g(x)", inverse ? "log|det J⁻¹| = −Σ log g′(x)" : "log|det J| = Σ log g′(x)",
                terms);
    }

    /** "  = −0.41 + 0.93·(…) / (…) = 0.12" for coordinate j: the formula with its numbers. */
    private static String numbers(double[][] v, double[] result, int j, boolean inverse) {
        if (v.length == 0 || result.length == 0) {
            return "";
        }
        if (v[0][j] < 0) {
            return "   (in a tail: identity, = " + fmt(result[j]) + ")";
        }
        double xk = v[1][j], xk1 = v[2][j], yk = v[3][j], yk1 = v[4][j], d0 = v[5][j], d1 = v[6][j], delta = v[7][j], th = v[8][j];
        if (inverse) {
            return " = " + fmt(xk) + " + " + fmt(th) + "·" + fmt(xk1 - xk) + " = " + fmt(result[j]);
        }
        double t = th * (1 - th);
        return String.format(Locale.ROOT, " = %s + %s·(%s·%s² + %s·%s) / (%s + %s·%s) = %s", fmt(yk), fmt(yk1 - yk), fmt(delta),
                fmt(th), fmt(d0), fmt(t), fmt(delta), fmt(d0 + d1 - 2 * delta), fmt(t), fmt(result[j]));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
