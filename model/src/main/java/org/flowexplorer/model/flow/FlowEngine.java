package org.flowexplorer.model.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a stack of coupling layers over flat arrays: forward, inverse, backward and traces, in
 * chunks of at most {@link #CHUNK} rows with preallocated buffers per batch size, so evaluating
 * millions of points never allocates more than a chunk's worth of activations. This is the
 * single place where layers are composed: the forward pass runs them in order and sums their
 * log-determinants; the inverse runs them backwards.
 *
 * <p>Coupling l may be followed by blocks ({@link FlowBlock}: a norm, then a mixer); position l + 1
 * is after the coupling and its blocks. The training pass runs them in training mode (batch
 * statistics, a data-dependent init) and, once its backward pass is complete, lets them update
 * their buffers (running statistics, the init); every other pass (evaluation, inversion, traces,
 * vjp) runs them in evaluation mode.
 *
 * <p>The training pass ({@link #nllAndGradient}) is interruptible: between layers it checks the
 * thread's interrupt flag and throws {@link CancellationException} (leaving the flag set), before
 * any parameter has changed.
 */
final class FlowEngine<A> {
    /** Rows per evaluation chunk: bounds workspace memory whatever the number of points. */
    static final int CHUNK = 1024;
    private static final int MAX_CACHED_PASSES = 4;
    /** Rows per chunk of whole-array evaluations ({@link #CHUNK}; smaller in tests). */
    final int chunk;

    final Numerics<A> nm;
    final ParameterStore<A> store;
    final List<CouplingLayer> layers;
    /** Per coupling, the blocks that follow it (in order; empty lists for the seed's flow). */
    final List<List<FlowBlock>> blocks;
    final boolean withBlocks;
    private final int bufferSize;
    /** The blocks' buffers (see {@link FlowBlock#bufferOffset()}). */
    final A buffers;
    final int dim;
    /** The mixture base, or null for the seed's N(0, I); set once by {@link RealNVP} before first use. */
    MixtureBase base;
    private final Map<Integer, Pass<A>> passes = new LinkedHashMap<>(8, 0.75f, true);
    private final TrainingPass<A> training = new TrainingPass<>(this);

    private FlowEngine(ParameterStore<A> store, List<CouplingLayer> layers, List<List<FlowBlock>> blocks, int chunk) {
        this.chunk = chunk;
        this.nm = store.numerics();
        this.store = store;
        this.layers = List.copyOf(layers);
        this.dim = layers.get(0).dim();
        List<List<FlowBlock>> bs = new ArrayList<>();
        int size = 0;
        for (int l = 0; l < layers.size(); l++) {
            List<FlowBlock> after = blocks.isEmpty() ? List.of() : List.copyOf(blocks.get(l));
            bs.add(after);
            for (FlowBlock b : after) {
                size = Math.max(size, b.bufferOffset() + b.bufferCount());
            }
        }
        if (!blocks.isEmpty() && blocks.size() != layers.size()) {
            throw new IllegalArgumentException("expected blocks for each coupling, got " + blocks.size() + " for " + layers.size());
        }
        this.blocks = List.copyOf(bs);
        this.withBlocks = bs.stream().anyMatch(b -> !b.isEmpty());
        this.bufferSize = size;
        this.buffers = nm.alloc(Math.max(1, size));
        initialiseBlocks(new java.util.SplittableRandom(0));
    }

    static FlowEngine<?> create(ParameterStore<?> store, List<CouplingLayer> layers) {
        return create(store, layers, List.of(), CHUNK);
    }

    static FlowEngine<?> create(ParameterStore<?> store, List<CouplingLayer> layers, int chunk) {
        return create(store, layers, List.of(), chunk);
    }

    /** {@code blocks}: empty, or for each coupling the blocks that follow it. */
    static FlowEngine<?> create(ParameterStore<?> store, List<CouplingLayer> layers, List<List<FlowBlock>> blocks, int chunk) {
        return createTyped(store, layers, blocks, chunk);
    }

    private static <A> FlowEngine<A> createTyped(ParameterStore<A> store, List<CouplingLayer> layers, List<List<FlowBlock>> blocks,
            int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        }
        return new FlowEngine<>(store, layers, blocks, chunk);
    }

    /** Every block's starting buffers (running statistics 0 and 1, a rotation drawn from {@code rng}, …). */
    void initialiseBlocks(java.util.SplittableRandom rng) {
        for (List<FlowBlock> after : blocks) {
            for (FlowBlock b : after) {
                b.initialiseBuffers(nm, buffers, rng);
            }
        }
    }

    /** A copy of the blocks' buffers (layout: {@link FlowBlock#bufferOffset()}). */
    double[] bufferValues() {
        return nm.toDoubles(buffers, 0, bufferSize);
    }

    void setBufferValues(double[] values) {
        if (values.length != bufferSize) {
            throw new IllegalArgumentException("expected " + bufferSize + " buffer values, got " + values.length);
        }
        nm.copy(nm.fromDoubles(values), 0, buffers, 0, bufferSize);
    }

    /** Buffers for one batch size: the positions between all layers, log-dets and per-layer workspaces. */
    static final class Pass<A> {
        final int rows;
        final List<A> xs = new ArrayList<>();
        final List<CouplingWorkspace<A>> ws = new ArrayList<>();
        /** Per coupling, its blocks' workspaces. */
        final List<List<Object>> bws = new ArrayList<>();
        /** Per coupling with blocks, its output before them (forward) or its input after undoing them (inverse). */
        final List<A> beforeBlocks = new ArrayList<>();
        final A ld;
        final A layerLd;
        final A normLd;
        final A dx;
        final A dld;

        Pass(FlowEngine<A> e, int rows) {
            this.rows = rows;
            for (int l = 0; l <= e.layers.size(); l++) {
                xs.add(e.nm.alloc(rows * e.dim));
            }
            for (CouplingLayer layer : e.layers) {
                ws.add(new CouplingWorkspace<>(e.nm, rows, layer.conditioningCount(), layer.transformedCount(),
                        layer.conditioner(), layer.headBuffers()));
            }
            for (List<FlowBlock> after : e.blocks) {
                List<Object> w = new ArrayList<>();
                for (FlowBlock b : after) {
                    w.add(b.workspace(e.nm, rows));
                }
                bws.add(w);
                beforeBlocks.add(after.isEmpty() ? null : e.nm.alloc(rows * e.dim));
            }
            ld = e.nm.alloc(rows);
            layerLd = e.nm.alloc(rows);
            normLd = e.nm.alloc(rows);
            dx = e.nm.alloc(rows * e.dim);
            dld = e.nm.alloc(rows);
        }
    }

    /** The batch sizes whose buffers are cached: at most {@code chunk} for evaluations. */
    Set<Integer> cachedBatchSizes() {
        return Set.copyOf(passes.keySet());
    }

    Pass<A> pass(int rows) {
        Pass<A> p = passes.get(rows);
        if (p == null) {
            if (passes.size() >= MAX_CACHED_PASSES) {
                Integer eldest = passes.keySet().iterator().next();
                passes.remove(eldest);
            }
            p = new Pass<>(this, rows);
            passes.put(rows, p);
        }
        return p;
    }

    /**
     * Forward through all layers from {@code p.xs[0]}; leaves every layer's activations in p.
     *
     * @param training check the interrupt flag before each layer, and normalise with the batch's statistics
     */
    void runForward(Pass<A> p, int rows, boolean training) {
        runForward(nm, p, rows, training, training ? Thread.currentThread() : null);
    }

    /** The same on {@code nm} (a thread's own kernels), checking {@code owner}'s interrupt flag (if not null). */
    void runForward(Numerics<A> nm, Pass<A> p, int rows, boolean training, Thread owner) {
        nm.fill(p.ld, 0, rows, 0.0);
        for (int l = 0; l < layers.size(); l++) {
            checkInterrupt(owner);
            forwardStep(nm, p, l, rows, p.ld, p.ld, training, null);
        }
    }

    /**
     * Coupling l from xs[l] into xs[l + 1] adding to {@code ld}, then its blocks (if any) in place
     * adding to {@code normLd}; with {@code steps}, the points after each block but the last.
     */
    void forwardStep(Pass<A> p, int l, int rows, A ld, A normLd, boolean training, List<float[]> steps) {
        forwardStep(nm, p, l, rows, ld, normLd, training, steps);
    }

    private void forwardStep(Numerics<A> nm, Pass<A> p, int l, int rows, A ld, A normLd, boolean training, List<float[]> steps) {
        layers.get(l).forward(nm, store.values(), p.xs.get(l), p.xs.get(l + 1), ld, rows, p.ws.get(l));
        forwardBlocks(nm, p, l, rows, normLd, training, steps);
    }

    /** Coupling l's blocks (if any) in place on xs[l + 1], adding to {@code normLd}; steps as {@link #forwardStep}. */
    void forwardBlocks(Numerics<A> nm, Pass<A> p, int l, int rows, A normLd, boolean training, List<float[]> steps) {
        A params = store.values(), out = p.xs.get(l + 1);
        List<FlowBlock> after = blocks.get(l);
        if (after.isEmpty()) {
            return;
        }
        nm.copy(out, 0, p.beforeBlocks.get(l), 0, rows * dim);
        for (int b = 0; b < after.size(); b++) {
            after.get(b).forward(nm, params, buffers, out, normLd, rows, p.bws.get(l).get(b), training);
            if (steps != null && b < after.size() - 1) {
                steps.add(nm.toFloats(out, 0, rows * dim));
            }
        }
    }

    /** Inverse through all layers from {@code p.xs[L]} down to {@code p.xs[0]}. */
    void runInverse(Pass<A> p, int rows) {
        nm.fill(p.ld, 0, rows, 0.0);
        for (int l = layers.size() - 1; l >= 0; l--) {
            inverseStep(p, l, rows, p.ld, p.ld, null);
        }
    }

    /**
     * Coupling l's blocks (if any) undone from xs[l + 1], last first, adding to {@code normLd}, then
     * coupling l down into xs[l] adding to {@code ld}; with {@code steps}, the points after each
     * block but the last (in forward order).
     */
    void inverseStep(Pass<A> p, int l, int rows, A ld, A normLd, List<float[]> steps) {
        A params = store.values(), in = p.xs.get(l + 1);
        List<FlowBlock> after = blocks.get(l);
        if (!after.isEmpty()) {
            A undone = p.beforeBlocks.get(l);
            nm.copy(in, 0, undone, 0, rows * dim);
            for (int b = after.size() - 1; b >= 0; b--) {
                after.get(b).inverse(nm, params, buffers, undone, normLd, rows, p.bws.get(l).get(b));
                if (steps != null && b > 0) {
                    steps.add(0, nm.toFloats(undone, 0, rows * dim));
                }
            }
            in = undone;
        }
        layers.get(l).inverse(nm, params, in, p.xs.get(l), ld, rows, p.ws.get(l));
    }

    /**
     * Backpropagates dL/dz (in {@code p.dx}) and dL/dld (in {@code p.dld}) through the forward pass
     * last run with p; leaves dL/dx in {@code p.dx} and writes dL/dθ into the store's gradients.
     */
    void runBackward(Pass<A> p, int rows, boolean interruptible) {
        runBackward(nm, p, rows, store.gradients(), interruptible ? Thread.currentThread() : null);
    }

    /** The same on {@code nm}, writing dL/dθ into {@code grads}, checking {@code owner}'s interrupt flag (if not null). */
    void runBackward(Numerics<A> nm, Pass<A> p, int rows, A grads, Thread owner) {
        A params = store.values();
        for (int l = layers.size() - 1; l >= 0; l--) {
            checkInterrupt(owner);
            List<FlowBlock> after = blocks.get(l);
            for (int b = after.size() - 1; b >= 0; b--) {
                after.get(b).backward(nm, params, grads, p.dx, p.dld, rows, p.bws.get(l).get(b));
            }
            layers.get(l).backward(nm, params, grads, p.dx, p.dld, p.dx, rows, p.ws.get(l));
        }
    }

    /** Throws if {@code owner} (null: none) is interrupted; the flag stays set for its loop. */
    private static void checkInterrupt(Thread owner) {
        if (owner != null && owner.isInterrupted()) {
            throw new CancellationException("training step interrupted");
        }
    }

    // ---- whole-array operations, chunked -----------------------------------------------------

    /** y = f(x) (or f⁻¹), log|det| into ld; x, y are [n, D]. */
    void apply(A in, int n, boolean inverse, A out, A ld) {
        for (int from = 0; from < n; from += chunk) {
            int rows = Math.min(chunk, n - from);
            Pass<A> p = pass(rows);
            A start = inverse ? p.xs.get(layers.size()) : p.xs.get(0);
            nm.copy(in, from * dim, start, 0, rows * dim);
            if (inverse) {
                runInverse(p, rows);
            } else {
                runForward(p, rows, false);
            }
            A end = inverse ? p.xs.get(0) : p.xs.get(layers.size());
            nm.copy(end, 0, out, from * dim, rows * dim);
            nm.copy(p.ld, 0, ld, from, rows);
        }
    }

    /** Positions, trace terms and log|det| of every layer for n points: {@link FlowTracing}. */
    FlowTrace trace(A in, int n, boolean inverse) {
        return FlowTracing.trace(this, in, n, inverse);
    }

    /** log p(x) per row of x ([n, D] float32), in chunks. */
    double[] logProb(float[] x, int n) {
        double[] lp = new double[n];
        for (int from = 0; from < n; from += chunk) {
            int rows = Math.min(chunk, n - from);
            Pass<A> p = pass(rows);
            load(nm, x, null, from, rows, p.xs.get(0));
            runForward(p, rows, false);
            A z = p.xs.get(layers.size());
            for (int r = 0; r < rows; r++) {
                lp[from + r] = logProb(z, p.ld, r);
            }
        }
        return lp;
    }

    /** Rows {@code order[from..from+rows)} (or from..from+rows) of float32 data [N, D] into {@code x0}. */
    void load(Numerics<A> nm, float[] data, int[] order, int from, int rows, A x0) {
        for (int r = 0; r < rows; r++) {
            int src = order == null ? from + r : order[from + r];
            for (int j = 0; j < dim; j++) {
                nm.set(x0, r * dim + j, data[src * dim + j]);
            }
        }
    }

    /**
     * Mean negative log-likelihood of the rows {@code order[from..from+rows)} of {@code data}
     * ([N, D] float32), and its gradient (the store's gradients are overwritten), on up to
     * {@code threads} threads: see {@link TrainingPass}.
     */
    double nllAndGradient(float[] data, int[] order, int from, int rows, int threads) {
        return training.nllAndGradient(data, order, from, rows, threads);
    }

    TrainingPass<A> trainingPass() {
        return training;
    }

    /**
     * Reverse KL to an energy, KL(q‖p*) + log Z = E_q[log q(x) + U(x)], estimated on the base draws
     * z ([rows, D]): x = f⁻¹(z) and log q(x) = log N(z) − log|det ∂f⁻¹/∂z|. Writes the gradient
     * (through the inverse pass, z held fixed: the reparameterisation trick) over the store's.
     */
    double reverseKlAndGradient(float[] z, int rows, Energy energy) {
        // RealNVP.requireReverseKl has refused blocks between couplings and a mixture base
        Pass<A> p = pass(rows);
        int top = layers.size();
        load(nm, z, null, 0, rows, p.xs.get(top));
        runInverse(p, rows);
        double[] x = nm.toDoubles(p.xs.get(0), 0, rows * dim), u = new double[rows], grad = new double[rows * dim];
        energy.evaluate(x, rows, u, grad);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            loss += MixtureBase.logStandardNormal(nm, p.xs.get(top), r * dim, dim) - nm.get(p.ld, r) + u[r];
        }
        double invB = 1.0 / rows;
        for (int i = 0; i < rows * dim; i++) {
            nm.set(p.dx, i, grad[i] * invB);
        }
        nm.fill(p.dld, 0, rows, -invB);
        A params = store.values(), grads = store.gradients();
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).inverseBackward(nm, params, grads, p.dx, p.dld, p.dx, rows, p.ws.get(l));
        }
        return loss * invB;
    }

    /** log p(x) of row r from its latent z and log|det|: log p_base(z) + log|det|. */
    double logProb(A z, A ld, int r) {
        return logProb(nm, z, ld, r);
    }

    double logProb(Numerics<A> nm, A z, A ld, int r) {
        double base = this.base == null ? MixtureBase.logStandardNormal(nm, z, r * dim, dim)
                : this.base.logProb(nm, store.values(), z, r * dim);
        return base + nm.get(ld, r);
    }

    double meanNll(A z, A ld, int rows) {
        double acc = 0;
        for (int r = 0; r < rows; r++) {
            acc -= logProb(z, ld, r);
        }
        return acc / rows;
    }

    // ---- INDArray API --------------------------------------------------------------------------

    TransformResult forward(INDArray x) {
        return applyNd(x, false);
    }

    TransformResult inverse(INDArray y) {
        return applyNd(y, true);
    }

    private TransformResult applyNd(INDArray x, boolean inverse) {
        A in = NdArrays.matrix(nm, x, dim, inverse ? "y" : "x");
        int n = (int) x.rows();
        A out = nm.alloc(n * dim), ld = nm.alloc(n);
        apply(in, n, inverse, out, ld);
        return new TransformResult(NdArrays.create(nm, out, 0, n * dim, n, dim), NdArrays.create(nm, ld, 0, n, n));
    }

    /**
     * dL/dx and dL/dθ for L = Σ dOutputs ⊙ f(x) + Σ dLogAbsDet ⊙ log|det|, in chunks: each chunk's
     * parameter gradient is summed into the result. Overwrites the store's gradient buffer.
     */
    VectorJacobianProduct vjp(INDArray x, INDArray dOutputs, INDArray dLogAbsDet) {
        A in = NdArrays.matrix(nm, x, dim, "x");
        int n = (int) x.rows();
        A dy = NdArrays.matrix(nm, dOutputs, dim, "dOutputs");
        if (dOutputs.rows() != n) {
            throw new IllegalArgumentException("dOutputs has " + dOutputs.rows() + " rows, x has " + n);
        }
        A dl = NdArrays.vector(nm, dLogAbsDet, n, "dLogAbsDet");
        A dx = nm.alloc(n * dim), grads = store.gradients(), total = nm.alloc(store.size());
        if (base != null) {
            base.zeroGradients(nm, grads); // the base does not move f(x)
        }
        for (int from = 0; from < n; from += chunk) {
            int rows = Math.min(chunk, n - from);
            Pass<A> p = pass(rows);
            nm.copy(in, from * dim, p.xs.get(0), 0, rows * dim);
            runForward(p, rows, false);
            nm.copy(dy, from * dim, p.dx, 0, rows * dim);
            nm.copy(dl, from, p.dld, 0, rows);
            runBackward(p, rows, false);
            nm.copy(p.dx, 0, dx, from * dim, rows * dim);
            if (from == 0) {
                nm.copy(grads, 0, total, 0, store.size());
            } else {
                for (int i = 0; i < store.size(); i++) {
                    nm.set(total, i, nm.get(total, i) + nm.get(grads, i));
                }
            }
        }
        nm.copy(total, 0, grads, 0, store.size());
        return new VectorJacobianProduct(NdArrays.create(nm, dx, 0, n * dim, n, dim),
                NdArrays.create(nm, grads, 0, store.size(), store.size()));
    }
}
