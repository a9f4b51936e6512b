package org.flowexplorer.model.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * RealNVP's affine coupling (Dinh, Sohl-Dickstein &amp; Bengio 2017), by default exactly as the
 * seed's {@code AffineCouplingLayer}. With mask m (1 = conditioning, passed through; 0 = transformed):
 *
 * <pre>
 *   [raw s | t] = conditioner(x_A)            (PyTorch chunk(2): first d_B outputs are raw s, last d_B are t)
 *   s           = f(raw s)                    ({@link ScaleFunction}; the seed's f = 2 · tanh, bounded log-scale)
 *   y           = x_m + (1 − m) · (x · exp(s) + t)
 *   log|det J|  = Σ s
 *   inverse:  x_B = (y_B − t) · exp(−s),  log|det J⁻¹| = −Σ s
 *   backward: ∂L/∂t = ∂L/∂y,  ∂L/∂x_B = ∂L/∂y · exp(s),
 *             ∂L/∂raw s = (∂L/∂y · x · exp(s) + ∂L/∂log|det|) · f′   (tanh:2: f′ = 2(1 − tanh²) = 2 − s²/2)
 *   inverse backward (reverse KL; g = ∂L/∂x_B, ℓ = log|det J⁻¹|):
 *             ∂L/∂y_B = g · exp(−s),  ∂L/∂t = −g · exp(−s),  ∂L/∂raw s = (−g · x_B − ∂L/∂ℓ) · f′
 * </pre>
 *
 * The head below is that arithmetic, once over {@code float[]} (training) and once over
 * {@code double[]} (gradient checks). Row-major [rows, d_B] buffers; o is [rows, 2·d_B].
 * The forward pass keeps s and exp(s) for the backward pass (f′ is written in s and exp s).
 */
public final class AffineCoupling extends CouplingLayer {
    private static final List<String> TERMS = List.of(FlowTrace.LOG_SCALE, FlowTrace.SHIFT);

    private final ScaleFunction scale;

    AffineCoupling(Mask mask, int[] hidden, ScaleFunction scale, ParameterStore<?> store, int offset) {
        super(CouplingType.AFFINE, mask, hidden, store, offset);
        this.scale = java.util.Objects.requireNonNull(scale, "scale");
    }

    /** A stand-alone layer with its own parameters, initialised as PyTorch would (last Linear zero). */
    public static AffineCoupling create(Mask mask, int[] hidden, Precision precision, long seed) {
        return create(mask, hidden, ScaleFunction.DEFAULT, precision, seed);
    }

    /** The same with another scale parameterisation. */
    public static AffineCoupling create(Mask mask, int[] hidden, ScaleFunction scale, Precision precision, long seed) {
        return (AffineCoupling) standalone(CouplingType.AFFINE, mask, hidden, scale, precision, seed);
    }

    /** How the raw scale output becomes the log-scale s. */
    public ScaleFunction scale() {
        return scale;
    }

    // ---- y = x · exp(s) + t,  s = f(raw s),  log|det| = Σ s -----------------------------------

    static void forward(ScaleFunction f, float[] o, float[] u, int rows, int dt, float[] s, float[] e, float[] yT, float[] ld) {
        for (int r = 0; r < rows; r++) {
            float sum = 0f;
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                float sv = f.logScale(o[r * 2 * dt + j]);
                float ev = (float) Math.exp(sv);
                s[i] = sv;
                e[i] = ev;
                yT[i] = u[i] * ev + o[r * 2 * dt + dt + j];
                sum += sv;
            }
            ld[r] += sum;
        }
    }

    static void forward(ScaleFunction f, double[] o, double[] u, int rows, int dt, double[] s, double[] e, double[] yT, double[] ld) {
        for (int r = 0; r < rows; r++) {
            double sum = 0.0;
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                double sv = f.logScale(o[r * 2 * dt + j]);
                double ev = Math.exp(sv);
                s[i] = sv;
                e[i] = ev;
                yT[i] = u[i] * ev + o[r * 2 * dt + dt + j];
                sum += sv;
            }
            ld[r] += sum;
        }
    }

    // ---- x = (y − t) · exp(−s),  log|det J⁻¹| = −Σ s -------------------------------------------

    static void inverse(ScaleFunction f, float[] o, float[] yT, int rows, int dt, float[] s, float[] u, float[] ld) {
        for (int r = 0; r < rows; r++) {
            float sum = 0f;
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                float sv = f.logScale(o[r * 2 * dt + j]);
                s[i] = sv;
                u[i] = (yT[i] - o[r * 2 * dt + dt + j]) * (float) Math.exp(-sv);
                sum += sv;
            }
            ld[r] -= sum;
        }
    }

    static void inverse(ScaleFunction f, double[] o, double[] yT, int rows, int dt, double[] s, double[] u, double[] ld) {
        for (int r = 0; r < rows; r++) {
            double sum = 0.0;
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                double sv = f.logScale(o[r * 2 * dt + j]);
                s[i] = sv;
                u[i] = (yT[i] - o[r * 2 * dt + dt + j]) * Math.exp(-sv);
                sum += sv;
            }
            ld[r] -= sum;
        }
    }

    // ---- backward: dO = [(g·x·e + dld)·f′ | g],  dU = g·e --------------------------------------

    static void backward(ScaleFunction f, float[] dyT, float[] u, float[] s, float[] e, float[] dld, int rows, int dt, float[] dO, float[] dU) {
        for (int r = 0; r < rows; r++) {
            float dl = dld[r];
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                float g = dyT[i], sv = s[i], ev = e[i];
                dO[r * 2 * dt + j] = (g * u[i] * ev + dl) * f.slope(sv, ev);
                dO[r * 2 * dt + dt + j] = g;
                dU[i] = g * ev;
            }
        }
    }

    static void backward(ScaleFunction f, double[] dyT, double[] u, double[] s, double[] e, double[] dld, int rows, int dt,
                         double[] dO, double[] dU) {
        for (int r = 0; r < rows; r++) {
            double dl = dld[r];
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                double g = dyT[i], sv = s[i], ev = e[i];
                dO[r * 2 * dt + j] = (g * u[i] * ev + dl) * f.slope(sv, ev);
                dO[r * 2 * dt + dt + j] = g;
                dU[i] = g * ev;
            }
        }
    }

    // ---- inverse backward: dO = [(−g·x − dld)·f′ | −g·exp(−s)],  dU = g·exp(−s) ----------------

    static void inverseBackward(ScaleFunction f, float[] dxT, float[] x, float[] s, float[] dld, int rows, int dt, float[] dO, float[] dU) {
        for (int r = 0; r < rows; r++) {
            float dl = dld[r];
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                float g = dxT[i], sv = s[i], ev = (float) Math.exp(sv), back = g / ev;
                dO[r * 2 * dt + j] = (-g * x[i] - dl) * f.slope(sv, ev);
                dO[r * 2 * dt + dt + j] = -back;
                dU[i] = back;
            }
        }
    }

    static void inverseBackward(ScaleFunction f, double[] dxT, double[] x, double[] s, double[] dld, int rows, int dt,
                                double[] dO, double[] dU) {
        for (int r = 0; r < rows; r++) {
            double dl = dld[r];
            for (int j = 0; j < dt; j++) {
                int i = r * dt + j;
                double g = dxT[i], sv = s[i], ev = Math.exp(sv), back = g / ev;
                dO[r * 2 * dt + j] = (-g * x[i] - dl) * f.slope(sv, ev);
                dO[r * 2 * dt + dt + j] = -back;
                dU[i] = back;
            }
        }
    }

    // ---- the hooks: pick the head for the array type --------------------------------------------

    @Override
    int headBuffers() {
        return 2;
    }

    private static <A> A s(CouplingWorkspace<A> w) {
        return w.head.get(0);
    }

    private static <A> A e(CouplingWorkspace<A> w) {
        return w.head.get(1);
    }

    @Override
    <A> void headForward(CouplingWorkspace<A> w, A ld, int rows) {
        int dt = transformedCount();
        if (ld instanceof float[] l) {
            forward(scale, (float[]) w.output(), (float[]) w.u, rows, dt, (float[]) s(w), (float[]) e(w), (float[]) w.yT, l);
        } else {
            forward(scale, (double[]) w.output(), (double[]) w.u, rows, dt, (double[]) s(w), (double[]) e(w), (double[]) w.yT, (double[]) ld);
        }
    }

    @Override
    <A> void headInverse(CouplingWorkspace<A> w, A ld, int rows) {
        int dt = transformedCount();
        if (ld instanceof float[] l) {
            inverse(scale, (float[]) w.output(), (float[]) w.yT, rows, dt, (float[]) s(w), (float[]) w.u, l);
        } else {
            inverse(scale, (double[]) w.output(), (double[]) w.yT, rows, dt, (double[]) s(w), (double[]) w.u, (double[]) ld);
        }
    }

    @Override
    <A> void headBackward(CouplingWorkspace<A> w, A dld, int rows) {
        int dt = transformedCount();
        if (dld instanceof float[] l) {
            backward(scale, (float[]) w.dyT, (float[]) w.u, (float[]) s(w), (float[]) e(w), l, rows, dt, (float[]) w.dO, (float[]) w.dU);
        } else {
            backward(scale, (double[]) w.dyT, (double[]) w.u, (double[]) s(w), (double[]) e(w), (double[]) dld, rows, dt,
                    (double[]) w.dO, (double[]) w.dU);
        }
    }

    @Override
    <A> void headInverseBackward(CouplingWorkspace<A> w, A dld, int rows) {
        int dt = transformedCount();
        if (dld instanceof float[] l) {
            inverseBackward(scale, (float[]) w.dyT, (float[]) w.u, (float[]) s(w), l, rows, dt, (float[]) w.dO, (float[]) w.dU);
        } else {
            inverseBackward(scale, (double[]) w.dyT, (double[]) w.u, (double[]) s(w), (double[]) dld, rows, dt,
                    (double[]) w.dO, (double[]) w.dU);
        }
    }

    @Override
    public List<String> traceTerms() {
        return TERMS;
    }

    @Override
    <A> void copyTraceTerm(int term, Numerics<A> nm, CouplingWorkspace<A> w, int rows, float[] out, int off) {
        int dt = transformedCount();
        if (term == 0) {
            copyFloats(nm, s(w), 0, rows * dt, out, off);
            return;
        }
        for (int r = 0; r < rows; r++) {
            copyFloats(nm, w.output(), r * 2 * dt + dt, dt, out, off + r * dt);
        }
    }

    @Override
    CouplingWalk.Head explain(CouplingWorkspace<double[]> w, boolean inverse) {
        int dt = transformedCount();
        double[] o = w.output(), s = Arrays.copyOf(s(w), dt);
        double[] raw = Arrays.copyOfRange(o, 0, dt), t = Arrays.copyOfRange(o, dt, 2 * dt);
        String a = inverse ? "y_A" : "x_A";
        List<CouplingWalk.Step> steps = new ArrayList<>(List.of(
                new CouplingWalk.Step("raw s", "[raw s | t] = NN(" + a + "), " + a + " = mask-1 coordinates; raw s = first half", raw),
                new CouplingWalk.Step("t", "t = second half of NN(" + a + ")", t),
                new CouplingWalk.Step("s", scale.formula(), s)));
        double[] first = new double[dt], terms = new double[dt];
        for (int j = 0; j < dt; j++) {
            first[j] = inverse ? w.yT[j] - t[j] : w.u[j] * w.head.get(1)[j];
            terms[j] = (inverse ? -s[j] : s[j]) + 0.0;
        }
        if (inverse) {
            steps.add(new CouplingWalk.Step("y−t", "y − t", first));
            steps.add(new CouplingWalk.Step("(y−t)·exp(−s)", "(y − t) · exp(−s)", Arrays.copyOf(w.u, dt)));
            return new CouplingWalk.Head(steps, "(y − t) · exp(−s)", "log|det J⁻¹| = −Σ s", terms);
        }
        steps.add(new CouplingWalk.Step("x·exp(s)", "x · exp(s)", first));
        steps.add(new CouplingWalk.Step("x·exp(s)+t", "x · exp(s) + t", Arrays.copyOf(w.yT, dt)));
        return new CouplingWalk.Head(steps, "x · exp(s) + t", "log|det J| = Σ s", terms);
    }
}
