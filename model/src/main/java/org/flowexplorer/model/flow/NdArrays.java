package org.flowexplorer.model.flow;

import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between ND4J arrays (the API edge) and the flat primitive arrays the kernels use. */
final class NdArrays {
    private NdArrays() {
    }

    /** Checks x is [N, dim] and returns its rows as a flat array of the given precision. */
    static <A> A matrix(Numerics<A> nm, INDArray x, int dim, String what) {
        if (x.rank() != 2 || x.columns() != dim) {
            throw new IllegalArgumentException("Expected " + what + " of shape [N, " + dim + "], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        return flat(nm, x);
    }

    /** Checks v holds n values (shape [n] or [n, 1]) and returns them flat. */
    static <A> A vector(Numerics<A> nm, INDArray v, long n, String what) {
        if (v.length() != n) {
            throw new IllegalArgumentException("Expected " + what + " with " + n + " values, got "
                    + java.util.Arrays.toString(v.shape()));
        }
        return flat(nm, v);
    }

    private static <A> A flat(Numerics<A> nm, INDArray x) {
        if (nm.precision() == Precision.FLOAT32) {
            return nm.fromFloats(x.castTo(DataType.FLOAT).dup('c').data().asFloat());
        }
        return nm.fromDoubles(x.castTo(DataType.DOUBLE).dup('c').data().asDouble());
    }

    static <A> INDArray create(Numerics<A> nm, A a, int off, int n, long... shape) {
        INDArray flat = nm.precision() == Precision.FLOAT32
                ? Nd4j.createFromArray(nm.toFloats(a, off, n))
                : Nd4j.createFromArray(nm.toDoubles(a, off, n));
        return flat.reshape('c', shape);
    }

    static INDArray slice(ParameterStore<?> store, int off, int n) {
        return sliceOf(store, off, n);
    }

    private static <A> INDArray sliceOf(ParameterStore<A> store, int off, int n) {
        return create(store.numerics(), store.values(), off, n, n);
    }

    static void assign(ParameterStore<?> store, int off, int n, INDArray values) {
        assignTo(store, off, n, values);
    }

    private static <A> void assignTo(ParameterStore<A> store, int off, int n, INDArray values) {
        Numerics<A> nm = store.numerics();
        A v = vector(nm, values, n, "parameters");
        nm.copy(v, 0, store.values(), off, n);
    }
}
