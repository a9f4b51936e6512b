package org.flowexplorer.model.flow;

import java.util.List;
import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.ConditionerLayout;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every coupling layer shares (as in nflows' coupling base): split x by the mask into the
 * conditioning part x_A (mask = 1, passed through) and the transformed part x_B (mask = 0), run the
 * MLP conditioner on x_A, let the subclass turn its outputs into an invertible map of x_B, and merge:
 *
 * <pre>  y = x_m + (1 − m) · g(x; conditioner(x_A))</pre>
 *
 * The conditioner is {@code Linear(d_A, h1) → ReLU → … → Linear(h_k, outputs)} with PyTorch's
 * default initialisation, except the last Linear, which starts at zero so that the flow starts as
 * the identity. Its parameters live at an offset in a (possibly shared) {@link ParameterStore}.
 *
 * <p>A subclass is one coupling: its element-wise head (forward, inverse, backward and log-det,
 * over {@code float[]} and {@code double[]}) right under its formula, the names of the
 * per-coordinate terms it exposes in traces, and its lines of a walk-through. Adding one takes that
 * class, a {@link CouplingType} constant and a row in the transform contract test.
 */
public abstract class CouplingLayer extends ParameterSlice {
    private final CouplingType type;
    private final Mask mask;
    private final ConditionerLayout net;
    private FlowEngine<?> standalone;

    CouplingLayer(CouplingType type, Mask mask, int[] hidden, ParameterStore<?> store, int offset) {
        this(type, mask, hidden, SplineShape.DEFAULT, store, offset);
    }

    /** With the spline shape, which sets a spline coupling's conditioner outputs (the other types ignore it). */
    CouplingLayer(CouplingType type, Mask mask, int[] hidden, SplineShape spline, ParameterStore<?> store, int offset) {
        super(store, offset);
        this.type = type;
        this.mask = mask;
        this.net = layout(type, spline, mask, hidden);
    }

    /** Number of parameters of a coupling with this mask and hidden widths. */
    static int parameterCount(CouplingType type, Mask mask, int[] hidden) {
        return parameterCount(type, SplineShape.DEFAULT, mask, hidden);
    }

    static int parameterCount(CouplingType type, SplineShape spline, Mask mask, int[] hidden) {
        return layout(type, spline, mask, hidden).parameterCount();
    }

    /** The conditioner: d_A inputs, the hidden widths, and the type's outputs for each transformed coordinate. */
    private static ConditionerLayout layout(CouplingType type, SplineShape spline, Mask mask, int[] hidden) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = mask.conditioningIndicesView().length;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = mask.transformedIndicesView().length * type.outputsPerTransformed(spline);
        return new ConditionerLayout(sizes);
    }

    /** A stand-alone layer with its own parameters, initialised as PyTorch would (last Linear zero). */
    static CouplingLayer standalone(CouplingType type, Mask mask, int[] hidden, Precision precision, long seed) {
        return standalone(type, mask, hidden, ScaleFunction.DEFAULT, precision, seed);
    }

    static CouplingLayer standalone(CouplingType type, Mask mask, int[] hidden, ScaleFunction scale, Precision precision, long seed) {
        return standalone(type, mask, hidden, scale, SplineShape.DEFAULT, precision, seed);
    }

    static CouplingLayer standalone(CouplingType type, Mask mask, int[] hidden, ScaleFunction scale, SplineShape spline,
                                    Precision precision, long seed) {
        ParameterStore<?> store = new ParameterStore<>(Numerics.of(precision), parameterCount(type, spline, mask, hidden));
        CouplingLayer layer = type.create(mask, hidden, scale, spline, store, 0);
        layer.initialise(new SplittableRandom(seed));
        return layer;
    }

    public final CouplingType type() {
        return type;
    }

    public Mask mask() {
        return mask;
    }

    public ConditionerLayout conditioner() {
        return net;
    }

    /** Offset of this layer's first parameter in its store. */
    public int parameterOffset() {
        return offset;
    }

    @Override
    public int dim() {
        return mask.dim();
    }

    @Override
    public int parameterCount() {
        return net.parameterCount();
    }

    int transformedCount() {
        return mask.transformedIndicesView().length;
    }

    int conditioningCount() {
        return mask.conditioningIndicesView().length;
    }

    /**
     * PyTorch's default {@code nn.Linear} initialisation, U(−1/√fan_in, 1/√fan_in) for weight and
     * bias, and zeros for the last Linear (near-identity start).
     */
    void initialise(SplittableRandom rng) {
        initialise(store, rng);
    }

    private <A> void initialise(ParameterStore<A> s, SplittableRandom rng) {
        Numerics<A> nm = s.numerics();
        A params = s.values();
        for (int i = 0; i < net.linearCount(); i++) {
            int n = net.out(i) * net.in(i);
            int w = offset + net.weightOffset(i), b = offset + net.biasOffset(i);
            if (i == net.linearCount() - 1) {
                nm.fill(params, w, n, 0.0);
                nm.fill(params, b, net.out(i), 0.0);
            } else {
                double bound = 1.0 / Math.sqrt(net.in(i));
                for (int j = 0; j < n; j++) {
                    nm.set(params, w + j, (rng.nextDouble() * 2 - 1) * bound);
                }
                for (int j = 0; j < net.out(i); j++) {
                    nm.set(params, b + j, (rng.nextDouble() * 2 - 1) * bound);
                }
            }
        }
    }

    // ---- the shared mechanics -------------------------------------------------------------

    /** y = x_m + (1 − m)·g(x); {@code ld[r] += log|det|}. x and y are [rows, D]; they may be the same array. */
    final <A> void forward(Numerics<A> nm, A params, A x, A y, A ld, int rows, CouplingWorkspace<A> w) {
        run(nm, params, x, y, ld, rows, w, false);
    }

    /** x = f⁻¹(y); {@code ld[r] += log|det ∂f⁻¹/∂y|}. */
    final <A> void inverse(Numerics<A> nm, A params, A y, A x, A ld, int rows, CouplingWorkspace<A> w) {
        run(nm, params, y, x, ld, rows, w, true);
    }

    /** Split by the mask, condition on the passed-through part, map the rest (g or g⁻¹), merge. */
    private <A> void run(Numerics<A> nm, A params, A in, A out, A ld, int rows, CouplingWorkspace<A> w, boolean inverse) {
        nm.gather(in, rows, dim(), mask.conditioningIndicesView(), w.xc);
        runConditioner(nm, params, w, rows);
        runHead(nm, in, out, ld, rows, w, inverse);
    }

    /**
     * {@link #forward} with the conditioner's outputs for these rows already in {@code w.output()}
     * (points that share x_A share them: {@link GridLogDensity} computes them once per grid column).
     */
    final <A> void forwardConditioned(Numerics<A> nm, A x, A y, A ld, int rows, CouplingWorkspace<A> w) {
        runHead(nm, x, y, ld, rows, w, false);
    }

    /** From the conditioner's outputs in w: map x_B (g or g⁻¹) and merge into out. */
    private <A> void runHead(Numerics<A> nm, A in, A out, A ld, int rows, CouplingWorkspace<A> w, boolean inverse) {
        int d = dim();
        A from = inverse ? w.yT : w.u, to = inverse ? w.u : w.yT;
        nm.gather(in, rows, d, mask.transformedIndicesView(), from);
        if (inverse) {
            headInverse(w, ld, rows);
        } else {
            headForward(w, ld, rows);
        }
        if (out != in) {
            nm.copy(in, 0, out, 0, rows * d);
        }
        nm.scatter(to, rows, d, mask.transformedIndicesView(), out);
    }

    /**
     * Backpropagates through the forward pass last run with {@code w}: reads dL/dy from {@code dy},
     * writes dL/dx into {@code dx} (may be the same array) and dL/dθ of this layer's parameters into
     * {@code grads} (overwriting: each parameter belongs to exactly one layer, so nothing needs
     * zeroing and no gradient has to be copied to BLAS for accumulation).
     */
    final <A> void backward(Numerics<A> nm, A params, A grads, A dy, A dld, A dx, int rows, CouplingWorkspace<A> w) {
        backpropagate(nm, params, grads, dy, dld, dx, rows, w, false);
    }

    /**
     * Backpropagates through the <em>inverse</em> pass last run with {@code w} (x = f⁻¹(y), as in
     * sampling): reads dL/dx from {@code dx} and dL/d(log|det ∂f⁻¹/∂y|) from {@code dld}, writes
     * dL/dy into {@code dy} (may be the same array) and dL/dθ into {@code grads} (overwriting).
     * Reverse-KL fitting needs it; the coupling supplies {@link #headInverseBackward}.
     */
    final <A> void inverseBackward(Numerics<A> nm, A params, A grads, A dx, A dld, A dy, int rows, CouplingWorkspace<A> w) {
        backpropagate(nm, params, grads, dx, dld, dy, rows, w, true);
    }

    /**
     * The head's part of either backward pass, then the conditioner's (the same in both directions:
     * the conditioner reads the passed-through coordinates, x_A = y_A). {@code gOut} is dL/d(the
     * pass's output), {@code gIn} receives dL/d(its input).
     */
    private <A> void backpropagate(Numerics<A> nm, A params, A grads, A gOut, A dld, A gIn, int rows, CouplingWorkspace<A> w,
                                   boolean inverse) {
        int d = dim();
        int[] ci = mask.conditioningIndicesView(), ti = mask.transformedIndicesView();
        nm.gather(gOut, rows, d, ti, w.dyT);
        nm.gather(gOut, rows, d, ci, w.dyc);
        if (inverse) {
            headInverseBackward(w, dld, rows);
        } else {
            headBackward(w, dld, rows);
        }
        A delta = w.dO;
        for (int i = net.linearCount() - 1; i >= 0; i--) {
            int in = net.in(i), out = net.out(i);
            A input = i == 0 ? w.xc : w.acts.get(i - 1);
            nm.gemm(true, false, out, in, rows, delta, 0, input, 0, false, grads, offset + net.weightOffset(i));
            nm.columnSums(delta, rows, out, grads, offset + net.biasOffset(i));
            A next = i == 0 ? w.dxc : (delta == w.dHiddenA ? w.dHiddenB : w.dHiddenA);
            nm.gemm(false, false, rows, in, out, delta, 0, params, offset + net.weightOffset(i), false, next, 0);
            if (i > 0) {
                nm.reluBackward(next, w.acts.get(i - 1), rows * in);
            }
            delta = next;
        }
        nm.scatter(w.dyc, rows, d, ci, gIn);
        nm.scatterAdd(w.dxc, rows, d, ci, gIn);
        nm.scatter(w.dU, rows, d, ti, gIn);
    }

    /**
     * The conditioner on the {@code rows} inputs x_A already in {@code w.xc}, into {@code w.output()}
     * ({@link GridLogDensity} also runs it alone, once per grid column).
     */
    final <A> void runConditioner(Numerics<A> nm, A params, CouplingWorkspace<A> w, int rows) {
        A input = w.xc;
        int last = net.linearCount() - 1;
        for (int i = 0; i <= last; i++) {
            A out = w.acts.get(i);
            nm.linear(rows, net.out(i), net.in(i), input, params, offset + net.weightOffset(i), offset + net.biasOffset(i), i < last, out);
            input = out;
        }
    }

    // ---- what each coupling supplies ------------------------------------------------------

    /** How many [rows, d_B] scratch buffers the head keeps from forward to backward (affine: s and exp s). */
    abstract int headBuffers();

    /** From the conditioner output {@code w.output()} and {@code w.u}: writes {@code w.yT}, adds log|det| to ld. */
    abstract <A> void headForward(CouplingWorkspace<A> w, A ld, int rows);

    /** From the conditioner output and {@code w.yT}: writes {@code w.u}, adds −log|det| to ld. */
    abstract <A> void headInverse(CouplingWorkspace<A> w, A ld, int rows);

    /** From {@code w.dyT} and dL/dld: writes dL/d(conditioner output) into {@code w.dO} and dL/du into {@code w.dU}. */
    abstract <A> void headBackward(CouplingWorkspace<A> w, A dld, int rows);

    /**
     * Backward through the head's inverse: from dL/dx_B in {@code w.dyT} (x_B = g⁻¹(y_B) of the
     * inverse pass last run with w, in {@code w.u}) and dL/d(log|det ∂g⁻¹/∂y|) in {@code dld}, writes
     * dL/d(conditioner output) into {@code w.dO} and dL/dy_B into {@code w.dU}. Only reverse-KL
     * fitting runs it, so a coupling without it still trains by maximum likelihood.
     */
    <A> void headInverseBackward(CouplingWorkspace<A> w, A dld, int rows) {
        throw new UnsupportedOperationException("reverse-KL fitting supports affine and additive couplings");
    }

    /**
     * The per-coordinate quantities this coupling exposes in a {@link FlowTrace}, in order, e.g.
     * {@link FlowTrace#LOG_SCALE} and {@link FlowTrace#SHIFT}; each is [rows, d_B].
     */
    public abstract List<String> traceTerms();

    /** Copies trace term {@code term} (an index into {@link #traceTerms()}) of the last pass into {@code out} at {@code off}. */
    abstract <A> void copyTraceTerm(int term, Numerics<A> nm, CouplingWorkspace<A> w, int rows, float[] out, int off);

    /**
     * The coupling's lines of a walk-through, read from a one-row float64 pass just run with
     * {@code w} ({@code inverse}: the pass was g⁻¹).
     */
    abstract CouplingWalk.Head explain(CouplingWorkspace<double[]> w, boolean inverse);

    /**
     * One point through this layer, computed by the layer's own code in float64 from the given
     * parameters (this layer's at {@link #parameterOffset()}; float32 values convert exactly).
     *
     * @param parameters the whole store's parameters, e.g. {@link RealNVP#parameterValues()}
     * @param input      the layer's input, [D]: x forward, y inverse
     */
    public final CouplingWalk walk(double[] parameters, double[] input, boolean inverse) {
        if (input.length != dim()) {
            throw new IllegalArgumentException("expected " + dim() + " coordinates, got " + input.length);
        }
        Numerics<double[]> nm = Numerics.float64();
        CouplingWorkspace<double[]> w = new CouplingWorkspace<>(nm, 1, conditioningCount(), transformedCount(), net, headBuffers());
        double[] out = new double[dim()], ld = new double[1];
        run(nm, parameters, input, out, ld, 1, w, inverse);
        return new CouplingWalk(explain(w, inverse), out, ld[0]);
    }

    /** The conditioner's outputs for one input point ([D]), run in float64 from the given parameters (as {@link #walk}). */
    final double[] conditionerOutput(double[] parameters, double[] input) {
        if (input.length != dim()) {
            throw new IllegalArgumentException("expected " + dim() + " coordinates, got " + input.length);
        }
        Numerics<double[]> nm = Numerics.float64();
        CouplingWorkspace<double[]> w = new CouplingWorkspace<>(nm, 1, conditioningCount(), transformedCount(), net, headBuffers());
        run(nm, parameters, input, new double[dim()], new double[1], 1, w, false);
        return w.output().clone();
    }

    /**
     * The layer's named per-coordinate terms ({@link #traceTerms()}, e.g. s and t) for many inputs
     * at once: the same pass as {@link #walk} over {@code rows} rows, in float64, reported as float32
     * like a {@link FlowTrace}'s terms. For sweeps (e.g. a conditioner's curves), where one walk per
     * point would pay the per-call set-up hundreds of times.
     *
     * @param parameters the whole store's parameters, as for {@link #walk}
     * @param inputs     the layer's inputs, [rows, D] row-major (forward direction)
     * @return one [rows, d_B] array per trace term, in {@link #traceTerms()} order
     */
    public final float[][] traceTermsAt(double[] parameters, double[] inputs, int rows) {
        if (inputs.length != rows * dim()) {
            throw new IllegalArgumentException("expected " + rows + " × " + dim() + " inputs, got " + inputs.length);
        }
        Numerics<double[]> nm = Numerics.float64();
        CouplingWorkspace<double[]> w = new CouplingWorkspace<>(nm, rows, conditioningCount(), transformedCount(), net, headBuffers());
        run(nm, parameters, inputs, new double[inputs.length], new double[rows], rows, w, false);
        float[][] terms = new float[traceTerms().size()][rows * transformedCount()];
        for (int k = 0; k < terms.length; k++) {
            copyTraceTerm(k, nm, w, rows, terms[k], 0);
        }
        return terms;
    }

    /** {@code out[off + i] = (float) src[srcOff + i]} for i < n: a trace term out of a float32 or float64 buffer. */
    static <A> void copyFloats(Numerics<A> nm, A src, int srcOff, int n, float[] out, int off) {
        for (int i = 0; i < n; i++) {
            out[off + i] = (float) nm.get(src, srcOff + i);
        }
    }

    // ---- Transform API for a layer on its own ----------------------------------------------

    private FlowEngine<?> engine() {
        if (standalone == null) {
            standalone = FlowEngine.create(store, List.of(this));
        }
        return standalone;
    }

    /**
     * This layer alone on float32 points x ([n, D] row-major, in its input space), through the same
     * engine code as the whole flow and the live parameters: a one-layer trace whose
     * {@code positions[1]} are the outputs and {@code logDets[0]} the layer's log|det J| per point.
     */
    public FlowTrace traceForward(float[] x) {
        return traceFloats(engine(), x);
    }

    private static <A> FlowTrace traceFloats(FlowEngine<A> e, float[] x) {
        if (x.length % e.dim != 0) {
            throw new IllegalArgumentException("expected a multiple of " + e.dim + " values, got " + x.length);
        }
        return e.trace(e.nm.fromFloats(x), x.length / e.dim, false);
    }

    @Override
    public TransformResult forward(INDArray x) {
        return engine().forward(x);
    }

    @Override
    public TransformResult inverse(INDArray y) {
        return engine().inverse(y);
    }

    @Override
    public VectorJacobianProduct vjp(INDArray x, INDArray dOutputs, INDArray dLogAbsDet) {
        VectorJacobianProduct all = engine().vjp(x, dOutputs, dLogAbsDet);
        INDArray mine = all.parameterGradient().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(offset, offset + parameterCount())).dup();
        return new VectorJacobianProduct(all.inputGradient(), mine);
    }
}
