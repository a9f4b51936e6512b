package org.flowexplorer.model.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A normalizing flow of coupling layers over a standard-normal base distribution, as the seed's
 * {@code RealNVP} (Dinh et al. 2017), or over a learnable {@link MixtureBase}: {@code z = f_L ∘ … ∘ f_1 (x)} and
 *
 * <pre>  log p(x) = −½ (‖z‖² + D·ln 2π) + Σ_l log|det J_l(x)|</pre>
 *
 * All parameters live in one flat {@link ParameterStore}, in the order of the seed's
 * {@code model.parameters()}: every coupling's, then the blocks' after coupling 1, 2, … (its norm's,
 * e.g. log_gamma and beta, then its mixer's), then a mixture base's. The blocks' running statistics and fixed values are
 * buffers beside the parameters ({@link #bufferValues()}). Not thread-safe: a model belongs to the
 * thread that uses it.
 */
public final class RealNVP implements DifferentiableTransform {
    private final FlowSpec spec;
    private final ParameterStore<?> store;
    private final List<CouplingLayer> layers;
    private final List<BatchNorm> norms;
    private final List<List<FlowBlock>> blocks;
    private final FlowEngine<?> engine;
    /** The learnable base, null for the seed's N(0, I). */
    private final MixtureBase mixture;

    private RealNVP(FlowSpec spec, Precision precision) {
        this.spec = spec;
        int[] hidden = spec.hidden();
        int total = 0;
        for (Mask m : spec.masks()) {
            total += CouplingLayer.parameterCount(spec.coupling(), spec.spline(), m, hidden);
        }
        int d = spec.dim();
        int perLayer = spec.norm().parameterCount(d) + spec.mixer().parameterCount(d);
        int baseOff = total + spec.layers() * perLayer;
        this.store = new ParameterStore<>(Numerics.of(precision), baseOff + spec.base().parameterCount(d));
        List<CouplingLayer> ls = new ArrayList<>();
        int off = 0;
        for (Mask m : spec.masks()) {
            CouplingLayer layer = spec.coupling().create(m, hidden, spec.scale(), spec.spline(), store, off);
            ls.add(layer);
            off += layer.parameterCount();
        }
        List<BatchNorm> ns = new ArrayList<>();
        List<List<FlowBlock>> bs = new ArrayList<>();
        int bufferOff = 0;
        for (int i = 0; i < spec.layers(); i++) {
            List<FlowBlock> after = new ArrayList<>();
            FlowBlock norm = spec.norm().create(d, store, off, bufferOff);
            off += spec.norm().parameterCount(d);
            bufferOff += spec.norm().bufferCount(d);
            FlowBlock mixer = spec.mixer().create(d, store, off, bufferOff);
            off += spec.mixer().parameterCount(d);
            bufferOff += spec.mixer().bufferCount(d);
            for (FlowBlock b : new FlowBlock[] {norm, mixer}) {
                if (b != null) {
                    after.add(b);
                }
            }
            if (norm instanceof BatchNorm bn) {
                ns.add(bn);
            }
            bs.add(List.copyOf(after));
        }
        this.layers = List.copyOf(ls);
        this.norms = List.copyOf(ns);
        this.blocks = List.copyOf(bs);
        this.engine = FlowEngine.create(store, layers, blocks, FlowEngine.CHUNK);
        this.mixture = spec.base().isGaussian() ? null : new MixtureBase(spec.base().components(), d, baseOff);
        engine.base = mixture;
    }

    /** A float32 flow initialised as the seed's PyTorch code would (last Linear of each coupling zero). */
    public static RealNVP create(FlowSpec spec, long seed) {
        return create(spec, Precision.FLOAT32, seed);
    }

    public static RealNVP create(FlowSpec spec, Precision precision, long seed) {
        RealNVP flow = new RealNVP(spec, precision);
        SplittableRandom rng = new SplittableRandom(seed);
        for (CouplingLayer layer : flow.layers) {
            layer.initialise(rng);
        }
        flow.engine.initialiseBlocks(rng); // after the couplings: their initial weights do not depend on the blocks
        if (flow.mixture != null) {
            initialiseBase(flow.mixture, flow.store);
        }
        return flow;
    }

    /** A flow with the given parameter vector (length {@link #parameterCount()}). */
    public static RealNVP withParameters(FlowSpec spec, Precision precision, double[] parameters) {
        RealNVP flow = new RealNVP(spec, precision);
        flow.setParameters(parameters);
        return flow;
    }

    public FlowSpec spec() {
        return spec;
    }

    public List<CouplingLayer> layers() {
        return layers;
    }

    /** The batch normalisations, norm i after coupling i; empty without {@link FlowSpec#batchNorm()}. */
    public List<BatchNorm> norms() {
        return norms;
    }

    /**
     * For each coupling, the blocks that follow it in order (its norm, then its mixer); empty lists
     * for the seed's flow.
     */
    public List<List<FlowBlock>> blocks() {
        return blocks;
    }

    /**
     * A copy of the blocks' buffers as doubles (exact for float32 models): from each block's
     * {@link FlowBlock#bufferOffset()}, e.g. a batch norm's running mean [D] then running variance
     * [D]. Empty without blocks that keep buffers.
     */
    public double[] bufferValues() {
        return engine.bufferValues();
    }

    /** Replaces the running statistics (the layout of {@link #bufferValues()}). */
    public void setBufferValues(double[] values) {
        engine.setBufferValues(values);
    }

    @Override
    public int dim() {
        return spec.dim();
    }

    @Override
    public Precision precision() {
        return store.numerics().precision();
    }

    @Override
    public int parameterCount() {
        return store.size();
    }

    /** The engine (package tests look at how it splits a training pass). */
    FlowEngine<?> engine() {
        return engine;
    }

    /** The live parameter and gradient buffers, for the trainer on the owning thread. */
    public ParameterStore<?> parameterStore() {
        return store;
    }

    // ---- parameters ----------------------------------------------------------------------------

    @Override
    public INDArray parameters() {
        return NdArrays.slice(store, 0, store.size());
    }

    @Override
    public void setParameters(INDArray values) {
        NdArrays.assign(store, 0, store.size(), values);
    }

    /** A copy of all parameters as doubles (exact for float32 models). */
    public double[] parameterValues() {
        return copyOut(store);
    }

    public void setParameters(double[] values) {
        if (values.length != store.size()) {
            throw new IllegalArgumentException("expected " + store.size() + " parameters, got " + values.length);
        }
        copyIn(store, values);
    }

    private static <A> void initialiseBase(MixtureBase base, ParameterStore<A> s) {
        base.initialise(s.numerics(), s.values());
    }

    private static <A> double[] copyOut(ParameterStore<A> s) {
        return s.numerics().toDoubles(s.values(), 0, s.size());
    }

    private static <A> void copyIn(ParameterStore<A> s, double[] values) {
        A v = s.numerics().fromDoubles(values);
        s.numerics().copy(v, 0, s.values(), 0, s.size());
    }

    /** A flow with the given parameters and running statistics (the layout of {@link #bufferValues()}). */
    public static RealNVP withState(FlowSpec spec, Precision precision, double[] parameters, double[] buffers) {
        RealNVP flow = withParameters(spec, precision, parameters);
        flow.setBufferValues(buffers);
        return flow;
    }

    /** A deep copy (same architecture, precision, parameters and running statistics) — e.g. a snapshot for another thread. */
    public RealNVP copy() {
        return withState(spec, precision(), parameterValues(), bufferValues());
    }

    // ---- Transform (ND4J edge) -------------------------------------------------------------------

    @Override
    public TransformResult forward(INDArray x) {
        return engine.forward(x);
    }

    @Override
    public TransformResult inverse(INDArray z) {
        return engine.inverse(z);
    }

    /** Overwrites the gradient buffer (do not call between a training step's backward and update). */
    @Override
    public VectorJacobianProduct vjp(INDArray x, INDArray dOutputs, INDArray dLogAbsDet) {
        return engine.vjp(x, dOutputs, dLogAbsDet);
    }

    /** log p(x) for every row of x [N, D]: log p_base(z) + log|det|. */
    public INDArray logProb(INDArray x) {
        TransformResult r = forward(x);
        INDArray z = r.outputs();
        if (mixture != null) {
            return logProbOfLatent(engine, z, r.logAbsDet());
        }
        INDArray sq = z.mul(z).sum(1);
        return sq.addi(dim() * MixtureBase.LOG_2PI).muli(-0.5).addi(r.logAbsDet());
    }

    private static <A> INDArray logProbOfLatent(FlowEngine<A> e, INDArray z, INDArray logDet) {
        int n = (int) z.rows();
        A zs = NdArrays.matrix(e.nm, z, e.dim, "z"), ld = NdArrays.vector(e.nm, logDet, n, "logAbsDet"), out = e.nm.alloc(n);
        for (int r = 0; r < n; r++) {
            e.nm.set(out, r, e.logProb(zs, ld, r));
        }
        return NdArrays.create(e.nm, out, 0, n, n);
    }

    /** The base distribution's learnable mixture, or empty for the seed's N(0, I). */
    public java.util.Optional<MixtureBase> mixtureBase() {
        return java.util.Optional.ofNullable(mixture);
    }

    /** The mixture's weights, means and scales under the current parameters; empty for N(0, I). */
    public java.util.Optional<MixtureBase.Components> mixtureComponents() {
        return mixtureBase().map(m -> m.components(parameterValues()));
    }

    /** n points drawn from the model: z ~ N(0, I) (seeded), pushed through the inverse. */
    public INDArray sample(int n, long seed) {
        return Nd4j.createFromArray(samplePoints(n, seed)).reshape('c', n, dim()).castTo(
                precision() == Precision.FLOAT32 ? org.nd4j.linalg.api.buffer.DataType.FLOAT
                        : org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    }

    // ---- float32 fast path (no ND4J): for the UI worker, CLI and file formats -------------------

    /** z = f(x) for x [n, D] row-major; log|det| per point into {@code logDetOut} (length n) if not null. */
    public float[] forward(float[] x, float[] logDetOut) {
        return applyFloats(engine, x, false, logDetOut);
    }

    /** x = f⁻¹(z); log|det ∂f⁻¹/∂z| per point into {@code logDetOut} if not null. */
    public float[] inverse(float[] z, float[] logDetOut) {
        return applyFloats(engine, z, true, logDetOut);
    }

    /**
     * log p at nodes {@code from..to-1} of the 2-D grid of nodes (xs[j], ys[i]), numbered row-major,
     * into {@code out[from..to)}: {@link #logProb} of those points (to float32 rounding: chunks of
     * under 64 points may take another product kernel), without the work the grid makes redundant
     * ({@link GridLogDensity}).
     */
    public void gridLogProb(float[] xs, float[] ys, int from, int to, float[] out) {
        GridLogDensity.logProb(engine, xs, ys, from, to, out);
    }

    /** log p(x) per point for x [n, D] row-major, computed in the model's precision. */
    public float[] logProb(float[] x) {
        return toFloat(engine.logProb(x, rowsOf(x)));
    }

    /** {@link #logProbValues} in float32, as {@link #logProb} returns them. */
    public static float[] toFloat(double[] logProb) {
        float[] out = new float[logProb.length];
        for (int i = 0; i < logProb.length; i++) {
            out[i] = (float) logProb[i];
        }
        return out;
    }

    /** log p(x) per point for x [n, D] row-major in double: the values {@link #meanNll} averages. */
    public double[] logProbValues(float[] x) {
        return engine.logProb(x, rowsOf(x));
    }

    /** Mean negative log-likelihood (nats) of points x [n, D]. */
    public double meanNll(float[] x) {
        return meanNll(engine.logProb(x, rowsOf(x)));
    }

    /** The mean negative log-likelihood of per-point log p values: the one summation every caller shares. */
    public static double meanNll(double[] logProb) {
        double acc = 0;
        for (double v : logProb) {
            acc -= v;
        }
        return acc / logProb.length;
    }

    /** n samples [n, D] row-major: seeded z from the base distribution through the inverse. */
    public float[] samplePoints(int n, long seed) {
        return inverse(baseSample(n, seed), null);
    }

    /** Seeded draws from the base distribution (N(0, I) or the mixture), [n, D] row-major. */
    public float[] baseSample(int n, long seed) {
        return mixture == null ? standardNormal(n, seed) : mixture.sample(parameterValues(), n, seed);
    }

    /** Seeded draws from N(0, I), [n, D] row-major (the base of a flow without a mixture). */
    public float[] standardNormal(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] z = new float[n * dim()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        return z;
    }

    /** Every layer's positions, trace terms (e.g. log-scale and shift) and log|det| for points x (data space) pushed forward. */
    public FlowTrace traceForward(float[] x) {
        return traceFloats(engine, x, false);
    }

    /** The same for latent points z pulled back to data space; positions[0] is still data space. */
    public FlowTrace traceInverse(float[] z) {
        return traceFloats(engine, z, true);
    }

    /**
     * Mean NLL of {@code rows} points of {@code data} ([N, D] float32) chosen by
     * {@code order[from..from+rows)} (or rows from..from+rows when order is null), and its gradient
     * written over the gradient buffer (every parameter belongs to one layer, whose backward pass
     * overwrites its slice, so nothing is zeroed first). Used by the trainer. With batch
     * normalisation this is the training-mode pass: the batch's statistics normalise, and the
     * running statistics are updated (momentum 0.1) once the pass has completed.
     *
     * @throws java.util.concurrent.CancellationException if the thread is interrupted between layers;
     *         the parameters and running statistics are untouched and the interrupt flag stays set
     */
    public double nllAndGradient(float[] data, int[] order, int from, int rows) {
        return engine.nllAndGradient(data, order, from, rows, 1);
    }

    /**
     * The same on up to {@code threads} threads: slices of the batch's rows in parallel, their
     * gradients summed in a fixed order (deterministic for a given thread count; equal to the
     * one-thread result to float rounding). Flows with batch norm, or an ActNorm before its init,
     * run on one thread; 1 thread is exactly the call above.
     */
    public double nllAndGradient(float[] data, int[] order, int from, int rows, int threads) {
        return engine.nllAndGradient(data, order, from, rows, threads);
    }

    /**
     * The reverse-KL loss to an unnormalised target exp(−U) on base draws z ([n, D]):
     * mean(log q(x) + U(x)) with x = f⁻¹(z), log q(x) = log N(z) − log|det ∂f⁻¹/∂z| (that is,
     * KL(q‖p*) − log Z up to Monte-Carlo error), and its gradient written over the gradient buffer.
     *
     * @throws IllegalArgumentException with batch normalisation (its training mode has no inverse)
     * @throws UnsupportedOperationException for a coupling without an inverse backward pass
     */
    public double reverseKlAndGradient(float[] z, Energy energy) {
        requireReverseKl();
        return engine.reverseKlAndGradient(z, rowsOf(z), energy);
    }

    /**
     * Checks that reverse-KL fitting can train this flow: its backward pass runs through the
     * couplings' inverses from N(0, I) draws, so no block between couplings and no mixture base.
     *
     * @throws IllegalArgumentException with one line naming what is in the way
     */
    public void requireReverseKl() {
        String refusal = reverseKlRefusal(spec.norm(), spec.mixer(), spec.base());
        if (!refusal.isEmpty()) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /**
     * Why reverse-KL fitting cannot train a flow with these blocks and base, in one line, or empty
     * when it can (the app's settings form asks before any model is built).
     */
    public static String reverseKlRefusal(Norm norm, Mixer mixer, BaseDistribution base) {
        if (norm != Norm.NONE || mixer != Mixer.NONE) {
            return norm == Norm.BATCH ? "reverse-KL fitting does not support batch normalisation"
                    : "reverse-KL fitting does not support blocks between couplings (ActNorm, LU or rotation mixers)";
        }
        if (!base.isGaussian()) {
            return "reverse-KL fitting does not support a mixture base (it samples the standard normal)";
        }
        return "";
    }

    private int rowsOf(float[] x) {
        if (x.length % dim() != 0) {
            throw new IllegalArgumentException("expected a multiple of " + dim() + " values, got " + x.length);
        }
        return x.length / dim();
    }

    private <A> float[] applyFloats(FlowEngine<A> e, float[] x, boolean inverse, float[] logDetOut) {
        int n = rowsOf(x);
        Numerics<A> nm = e.nm;
        A out = nm.alloc(n * dim()), ld = nm.alloc(n);
        e.apply(nm.fromFloats(x), n, inverse, out, ld);
        if (logDetOut != null) {
            System.arraycopy(nm.toFloats(ld, 0, n), 0, logDetOut, 0, n);
        }
        return nm.toFloats(out, 0, n * dim());
    }

    private <A> FlowTrace traceFloats(FlowEngine<A> e, float[] x, boolean inverse) {
        int n = rowsOf(x);
        return e.trace(e.nm.fromFloats(x), n, inverse);
    }
}
