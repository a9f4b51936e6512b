package org.flowexplorer.model.nn;

/**
 * All trainable parameters of a model in one flat buffer, with a gradient buffer of the same
 * layout. One flat buffer lets clipping and Adam run as a single pass over memory, and keeps
 * the order of PyTorch's {@code model.parameters()} (per Linear: weight [out, in] row-major, then bias).
 *
 * @param <A> float[] or double[]
 */
public final class ParameterStore<A> {
    private final Numerics<A> numerics;
    private final A values;
    private final A gradients;
    private final int size;

    public ParameterStore(Numerics<A> numerics, int size) {
        this.numerics = numerics;
        this.size = size;
        this.values = numerics.alloc(size);
        this.gradients = numerics.alloc(size);
    }

    public Numerics<A> numerics() {
        return numerics;
    }

    /** The live parameter buffer (not a copy): only the owning thread may touch it. */
    public A values() {
        return values;
    }

    /** The live gradient buffer, overwritten by each backward pass. */
    public A gradients() {
        return gradients;
    }

    public int size() {
        return size;
    }
}
