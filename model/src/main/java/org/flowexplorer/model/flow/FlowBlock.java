package org.flowexplorer.model.flow;

import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A block that a flow attaches after coupling i (a normalisation, {@link Norm}, or an invertible
 * linear mixer, {@link Mixer}), so the stepper's position i + 1 is after the coupling and its
 * blocks and the couplings keep their numbering. Its parameters are a slice of the flow's
 * {@link ParameterStore}; its fixed or running values (running statistics, a fixed rotation, an
 * ActNorm's "initialised" flag) are {@link #bufferCount()} values of the flow's buffers from
 * {@link #bufferOffset()}. Every block maps x ↦ y in place over [rows, D] arrays, adds its log|det|
 * per row, and backpropagates through the forward pass last run with its workspace.
 *
 * <p>A block on its own (its own store and buffers, {@link #standalone}) is a {@link Transform} in
 * evaluation mode, which is what the transform contract test checks.
 */
public abstract class FlowBlock extends ParameterSlice {
    final int dim;
    final int bufferOffset;
    private final int parameterCount;
    private final int bufferCount;
    private final String displayName;
    private Object standaloneBuffers;

    /** A block in {@code dim} dimensions with {@code parameters} parameters and {@code buffers} buffer values. */
    FlowBlock(String displayName, int dim, int parameters, int buffers, ParameterStore<?> store, int offset, int bufferOffset) {
        super(store, offset);
        this.displayName = displayName;
        this.dim = dim;
        this.parameterCount = parameters;
        this.bufferCount = buffers;
        this.bufferOffset = bufferOffset;
    }

    /** How a block subclass is built at given offsets (its constructor). */
    interface Constructor<B extends FlowBlock> {
        B create(int dim, ParameterStore<?> store, int offset, int bufferOffset);
    }

    /** A block with a store and buffers of its own (parameters 0, buffers initialised from {@code seed}). */
    static <B extends FlowBlock> B standalone(Constructor<B> c, int dim, int parameters, Precision precision, long seed) {
        ParameterStore<?> store = new ParameterStore<>(Numerics.of(precision), parameters);
        B block = c.create(dim, store, 0, 0);
        block.ownBuffers(store.numerics(), seed);
        return block;
    }

    // what the block is called in traces and walk-throughs (e.g. "batch norm"), its sizes and offsets
    public final String displayName() { return displayName; }

    @Override
    public final int parameterCount() { return parameterCount; }

    /** Values of the flow's buffers this block uses. */
    public final int bufferCount() { return bufferCount; }

    /** Offset of this block's parameters in the store. */
    public int parameterOffset() { return offset; }

    /** Offset of this block's values in the flow's buffers ({@link RealNVP#bufferValues()}). */
    public int bufferOffset() { return bufferOffset; }

    @Override
    public int dim() { return dim; }

    /** Writes the block's starting buffer values (e.g. running variance 1); may draw from {@code rng}. */
    abstract <A> void initialiseBuffers(Numerics<A> nm, A buffers, SplittableRandom rng);

    /** Per-batch scratch kept from forward to backward, for {@code rows} rows. */
    abstract <A> Object workspace(Numerics<A> nm, int rows);

    /** x ← block(x) in place; {@code ld[r] += log|det|}. {@code training}: the training pass (batch statistics, data init). */
    abstract <A> void forward(Numerics<A> nm, A params, A buffers, A x, A ld, int rows, Object w, boolean training);

    /** y ← block⁻¹(y) in place (evaluation mode); {@code ld[r] −= log|det|}. */
    abstract <A> void inverse(Numerics<A> nm, A params, A buffers, A y, A ld, int rows, Object w);

    /** dy (dL/dy) becomes dL/dx in place; this block's slice of {@code grads} is overwritten with dL/dθ. */
    abstract <A> void backward(Numerics<A> nm, A params, A grads, A dy, A dld, int rows, Object w);

    /**
     * Whether the next training pass must see the whole batch at once (batch statistics, a
     * data-dependent init) rather than slices of its rows on several threads.
     */
    <A> boolean needsWholeBatch(Numerics<A> nm, A buffers) {
        return false;
    }

    /** After a completed training pass (nothing left to interrupt): running statistics, a data-dependent init. */
    <A> void afterTrainingPass(Numerics<A> nm, A params, A buffers, Object w) {
    }

    /** Gives a block of its own store its own buffers (initialised from {@code seed}); returns this block. */
    final <A> FlowBlock ownBuffers(Numerics<A> nm, long seed) {
        A b = nm.alloc(Math.max(1, bufferCount()));
        initialiseBuffers(nm, b, new SplittableRandom(seed));
        standaloneBuffers = b;
        return this;
    }

    /** A stand-alone block's buffers (for tests and setters). */
    @SuppressWarnings("unchecked")
    final <A> A standaloneBuffers() {
        if (standaloneBuffers == null) {
            throw new IllegalStateException("a flow's block keeps its buffers in the flow (RealNVP.setBufferValues)");
        }
        return (A) standaloneBuffers;
    }

    // ---- Transform API for a stand-alone block (evaluation mode) -------------------------------

    @Override
    public TransformResult forward(INDArray x) {
        return run(store, x, false);
    }

    @Override
    public TransformResult inverse(INDArray y) {
        return run(store, y, true);
    }

    private <A> TransformResult run(ParameterStore<A> s, INDArray in, boolean inverse) {
        Numerics<A> nm = s.numerics();
        int n = (int) in.rows();
        A x = NdArrays.matrix(nm, in, dim, inverse ? "y" : "x"), ld = nm.alloc(n);
        Object w = workspace(nm, n);
        if (inverse) {
            inverse(nm, s.values(), standaloneBuffers(), x, ld, n, w);
        } else {
            forward(nm, s.values(), standaloneBuffers(), x, ld, n, w, false);
        }
        return new TransformResult(NdArrays.create(nm, x, 0, n * dim, n, dim), NdArrays.create(nm, ld, 0, n, n));
    }

    @Override
    public VectorJacobianProduct vjp(INDArray x, INDArray dOutputs, INDArray dLogAbsDet) {
        return vjp(store, x, dOutputs, dLogAbsDet);
    }

    private <A> VectorJacobianProduct vjp(ParameterStore<A> s, INDArray x, INDArray dOutputs, INDArray dLogAbsDet) {
        Numerics<A> nm = s.numerics();
        int n = (int) x.rows();
        A in = NdArrays.matrix(nm, x, dim, "x"), ld = nm.alloc(n);
        Object w = workspace(nm, n);
        forward(nm, s.values(), standaloneBuffers(), in, ld, n, w, false);
        A dy = NdArrays.matrix(nm, dOutputs, dim, "dOutputs");
        backward(nm, s.values(), s.gradients(), dy, NdArrays.vector(nm, dLogAbsDet, n, "dLogAbsDet"), n, w);
        return new VectorJacobianProduct(NdArrays.create(nm, dy, 0, n * dim, n, dim),
                NdArrays.create(nm, s.gradients(), offset, parameterCount(), parameterCount()));
    }

    static <A> void addToAll(Numerics<A> nm, A ld, int rows, double v) {
        for (int r = 0; r < rows; r++) {
            nm.set(ld, r, nm.get(ld, r) + v);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[dim=" + dim + ", offset=" + offset + "]";
    }
}
