package org.flowexplorer.model.flow;

import java.util.Arrays;
import java.util.List;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * NICE's additive coupling (Dinh, Krueger &amp; Bengio 2015): mathematically the affine coupling
 * with the scale fixed to 1 (s ≡ 0), so it preserves volume.
 *
 * <pre>
 *   t          = conditioner(x_A)             (d_B outputs)
 *   y          = x_m + (1 − m) · (x + t)
 *   log|det J| = 0;   inverse: x_B = y_B − t
 *   backward:  ∂L/∂t = ∂L/∂x_B = ∂L/∂y
 *   inverse backward (reverse KL):  ∂L/∂y_B = ∂L/∂x_B,  ∂L/∂t = −∂L/∂x_B
 * </pre>
 *
 * <p>A sibling of {@link AffineCoupling}, not a subclass with s = 0 (as nflows does it): its
 * conditioner has half the outputs, and its head skips exp, tanh and the s and exp(s) buffers
 * altogether — one add per coordinate forward and two copies backward.
 */
public final class AdditiveCoupling extends CouplingLayer {
    private static final List<String> TERMS = List.of(FlowTrace.SHIFT);

    AdditiveCoupling(Mask mask, int[] hidden, ParameterStore<?> store, int offset) {
        super(CouplingType.ADDITIVE, mask, hidden, store, offset);
    }

    /** A stand-alone layer with its own parameters, initialised as PyTorch would (last Linear zero). */
    public static AdditiveCoupling create(Mask mask, int[] hidden, Precision precision, long seed) {
        return (AdditiveCoupling) standalone(CouplingType.ADDITIVE, mask, hidden, precision, seed);
    }

    /** y = u + sign·t over n = rows·d_B values (sign −1: the inverse). */
    static void shift(float[] t, float[] u, int n, float sign, float[] y) {
        for (int i = 0; i < n; i++) {
            y[i] = u[i] + sign * t[i];
        }
    }

    static void shift(double[] t, double[] u, int n, double sign, double[] y) {
        for (int i = 0; i < n; i++) {
            y[i] = u[i] + sign * t[i];
        }
    }

    @Override
    int headBuffers() {
        return 0;
    }

    @Override
    <A> void headForward(CouplingWorkspace<A> w, A ld, int rows) {
        head(w.output(), w.u, rows * transformedCount(), 1, w.yT);
    }

    @Override
    <A> void headInverse(CouplingWorkspace<A> w, A ld, int rows) {
        head(w.output(), w.yT, rows * transformedCount(), -1, w.u);
    }

    private static <A> void head(A t, A from, int n, int sign, A to) {
        if (t instanceof float[] f) {
            shift(f, (float[]) from, n, sign, (float[]) to);
        } else {
            shift((double[]) t, (double[]) from, n, sign, (double[]) to);
        }
    }

    @Override
    <A> void headBackward(CouplingWorkspace<A> w, A dld, int rows) {
        int n = rows * transformedCount();
        System.arraycopy(w.dyT, 0, w.dO, 0, n);
        System.arraycopy(w.dyT, 0, w.dU, 0, n);
    }

    @Override
    <A> void headInverseBackward(CouplingWorkspace<A> w, A dld, int rows) {
        int n = rows * transformedCount();
        System.arraycopy(w.dyT, 0, w.dU, 0, n);
        // ∂L/∂t = −∂L/∂x_B: the shift with y_B = 0 and sign −1
        if (w.dyT instanceof float[] g) {
            float[] o = (float[]) w.dO;
            java.util.Arrays.fill(o, 0, n, 0f);
            shift(g, o, n, -1f, o);
        } else {
            double[] o = (double[]) w.dO;
            java.util.Arrays.fill(o, 0, n, 0.0);
            shift((double[]) w.dyT, o, n, -1.0, o);
        }
    }

    @Override
    public List<String> traceTerms() {
        return TERMS;
    }

    @Override
    <A> void copyTraceTerm(int term, Numerics<A> nm, CouplingWorkspace<A> w, int rows, float[] out, int off) {
        copyFloats(nm, w.output(), 0, rows * transformedCount(), out, off);
    }

    @Override
    CouplingWalk.Head explain(CouplingWorkspace<double[]> w, boolean inverse) {
        int dt = transformedCount();
        double[] t = Arrays.copyOf(w.output(), dt), zero = new double[dt];
        double[] in = Arrays.copyOf(inverse ? w.yT : w.u, dt), out = Arrays.copyOf(inverse ? w.u : w.yT, dt);
        String a = inverse ? "y_A" : "x_A";
        List<CouplingWalk.Step> steps = List.of(
                new CouplingWalk.Step("t", "t = NN(" + a + "),  " + a + " = mask-1 coordinates", t),
                new CouplingWalk.Step("s", "s = 0   (additive coupling: no scaling)", zero),
                inverse ? new CouplingWalk.Step("y−t", "y − t", out) : new CouplingWalk.Step("x·exp(s)", "x · exp(s) = x   (s = 0)", in),
                inverse ? new CouplingWalk.Step("(y−t)·exp(−s)", "(y − t) · exp(−s) = y − t   (s = 0)", out)
                        : new CouplingWalk.Step("x·exp(s)+t", "x · exp(s) + t", out));
        return inverse ? new CouplingWalk.Head(steps, "(y − t) · exp(−s)", "log|det J⁻¹| = −Σ s = 0   (additive)", zero)
                : new CouplingWalk.Head(steps, "x · exp(s) + t", "log|det J| = Σ s = 0   (additive: volume-preserving)", zero);
    }
}
