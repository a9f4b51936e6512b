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
            s.load(Numerics.float64(), o, j * per);
            out.add(s);
        }
        return List.copyOf(out);
    }

    // ---- the head: one spline per transformed coordinate -------------------------------------------
    // One routine per pass over float32 or float64 buffers (read and written through Numerics); the
    // spline itself always computes in double, so float32 differs from float64 by storage only.

    /**
     * Forward: out = g(in), ld += Σ log g′(x). Inverse: out = g⁻¹(in), ld −= Σ log g′(x). Either
     * way the trace terms at x: s = log g′(x), t = g(x) − x·g′(x).
     */
    static <A> void map(Numerics<A> nm, SplineShape shape, A o, A in, A out, int rows, int dt, A s, A t, A ld, boolean inverse) {
        RationalQuadraticSpline g = new RationalQuadraticSpline(shape);
        double[] l = new double[1];
        int per = shape.outputsPerTransformed();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                g.load(nm, o, i * per);
                double v = nm.get(in, i), mapped = g.map(v, inverse, l, 0);
                double x = inverse ? mapped : v, y = inverse ? v : mapped, logSlope = inverse ? -l[0] : l[0];
                nm.set(out, i, mapped);
                nm.set(s, i, logSlope);
                nm.set(t, i, y - x * Math.exp(logSlope));
                sum += l[0];
            }
            nm.set(ld, r, nm.get(ld, r) + sum);
        }
    }

    /** dO[coordinate i] = ∂L/∂θ_i (3K − 1 values), dU = ∂L/∂x, from dL/dy and dL/dld. */
    static <A> void backward(Numerics<A> nm, SplineShape shape, A o, A u, A dyT, A dld, int rows, int dt, A dO, A dU) {
        RationalQuadraticSpline g = new RationalQuadraticSpline(shape);
        int per = shape.outputsPerTransformed();
        double[] grad = new double[per];
        for (int r = 0; r < rows; r++) {
            double dl = nm.get(dld, r);
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                g.load(nm, o, i * per);
                nm.set(dU, i, g.backward(nm.get(u, i), nm.get(dyT, i), dl, grad, 0));
                for (int p = 0; p < per; p++) {
                    nm.set(dO, i * per + p, grad[p]);
                }
            }
        }
    }

    // ---- the hooks ---------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static <A> Numerics<A> numerics(A array) {
        return (Numerics<A>) Numerics.of(array instanceof float[] ? Precision.FLOAT32 : Precision.FLOAT64);
    }

    @Override
    int headBuffers() {
        return 2;
    }

    @Override
    <A> void headForward(CouplingWorkspace<A> w, A ld, int rows) {
        map(numerics(ld), shape, w.output(), w.u, w.yT, rows, transformedCount(), w.head.get(0), w.head.get(1), ld, false);
    }

    @Override
    <A> void headInverse(CouplingWorkspace<A> w, A ld, int rows) {
        map(numerics(ld), shape, w.output(), w.yT, w.u, rows, transformedCount(), w.head.get(0), w.head.get(1), ld, true);
    }

    @Override
    <A> void headBackward(CouplingWorkspace<A> w, A dld, int rows) {
        backward(numerics(dld), shape, w.output(), w.u, w.dyT, dld, rows, transformedCount(), w.dO, w.dU);
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
            g.load(Numerics.float64(), w.output(), j * shape.outputsPerTransformed());
            double x = w.u[j];
            int b = g.binOf(x);
            RationalQuadraticSpline.Knots knots = g.knots();
            double[] xs = knots.xs(), ys = knots.ys(), ds = knots.slopes();
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
            "bin of " + bx + " among the " + (k + 1) + " knots of NN(" + a + ")  (−1: tail)",
            "left knot: −B + 2B·Σ widths before k", "right knot",
            "lower knot: the same with the heights", "upper knot",
            "slope at x_k: 10⁻³ + softplus(raw)  (1 at ±B)", "slope at x_k+1",
            "δ = (y_k+1 − y_k) / (x_k+1 − x_k)",
            inverse ? "θ = 2c / (−b − √(b² − 4ac))" : "θ = (x − x_k) / (x_k+1 − x_k)"};
        List<CouplingWalk.Step> steps = new ArrayList<>();
        for (int r = 0; r < names.length; r++) {
            steps.add(new CouplingWalk.Step(names[r], formulas[r], v[r]));
        }
        double[] result = java.util.Arrays.copyOf(inverse ? w.u : w.yT, dt);
        String rational = "y_k + (y_k+1 − y_k)·(δθ² + d_k·θ(1−θ)) / (δ + (d_k + d_k+1 − 2δ)·θ(1−θ))";
        String formula = (inverse ? "x = x_k + θ·(x_k+1 − x_k)" : "g(x) = " + rational) + numbers(v, result, 0, inverse);
        steps.add(new CouplingWalk.Step(inverse ? "g⁻¹(y)" : "g(x)", formula, result));
        // the same s and t as the layer's trace terms: the straight line g is at this point
        steps.add(new CouplingWalk.Step("s", "s = log g′(x): the local log-slope (log-scale in the trace)",
                java.util.Arrays.copyOf(w.head.get(0), dt)));
        steps.add(new CouplingWalk.Step("t", "t = g(x) − x·g′(x): the tangent's intercept (shift in the trace)",
                java.util.Arrays.copyOf(w.head.get(1), dt)));
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
