package org.flowexplorer.model.nn;

import org.flowexplorer.model.Precision;

/**
 * The generic numerical kernels a coupling flow is built from (products, bias and ReLU, gather and
 * scatter, Adam), over flat primitive arrays
 * ({@code float[]} for {@link Precision#FLOAT32}, {@code double[]} for {@link Precision#FLOAT64}).
 *
 * <p>Why not ND4J ops: each ND4J call costs 10–60 µs of dispatch, and a training step would need
 * hundreds of them. Here the large products go straight to OpenBLAS ({@code cblas_?gemm}) and
 * everything else is a fused, branch-free Java loop over preallocated arrays. Nothing here knows a
 * coupling: each coupling class holds its own element-wise head (forward, inverse, backward) for
 * both array types, right under its formula, so a new coupling never widens this interface.
 *
 * <p>All matrices are row-major. Instances keep scratch buffers and are not thread-safe:
 * one instance per model, used from one thread.
 *
 * @param <A> the primitive array type
 */
public abstract class Numerics<A> {

    public static Numerics<?> of(Precision precision) {
        return precision == Precision.FLOAT32 ? new Float32Numerics() : new Float64Numerics();
    }

    /** The float64 kernels, typed (e.g. for one-point walk-throughs in double). */
    public static Numerics<double[]> float64() {
        return new Float64Numerics();
    }

    public abstract Precision precision();

    public abstract A alloc(int n);

    public abstract int length(A a);

    public abstract double get(A a, int i);

    public abstract void set(A a, int i, double v);

    public abstract void fill(A a, int off, int n, double v);

    public abstract void copy(A src, int srcOff, A dst, int dstOff, int n);

    public abstract A fromFloats(float[] values);

    public abstract A fromDoubles(double[] values);

    public abstract float[] toFloats(A a, int off, int n);

    public abstract double[] toDoubles(A a, int off, int n);

    /**
     * {@code C[M×N] (+)= op(A)·op(B)}, with op(A) of shape M×K and op(B) of shape K×N.
     * Operands are dense row-major blocks starting at the given offsets.
     *
     * @param accumulate add to C instead of overwriting it
     */
    public abstract void gemm(boolean transA, boolean transB, int m, int n, int k,
                              A a, int aOff, A b, int bOff, boolean accumulate, A c, int cOff);

    /** {@code c[r, j] = act(c[r, j] + bias[j])} with act = ReLU or identity. */
    public abstract void addBias(A c, int rows, int cols, A bias, int biasOff, boolean relu);

    /** ReLU backward in place: {@code d[i] = h[i] > 0 ? d[i] : 0}, where h is the ReLU output. */
    public abstract void reluBackward(A d, A h, int n);

    /** {@code g[gOff + j] = Σ_r d[r, j]} (bias gradient). */
    public abstract void columnSums(A d, int rows, int cols, A g, int gOff);

    /** {@code out[r, i] = x[r, cols[i]]} for an x of width {@code dim}. */
    public abstract void gather(A x, int rows, int dim, int[] cols, A out);

    /** {@code x[r, cols[i]] = in[r, i]}. */
    public abstract void scatter(A in, int rows, int dim, int[] cols, A x);

    /** {@code x[r, cols[i]] += in[r, i]}. */
    public abstract void scatterAdd(A in, int rows, int dim, int[] cols, A x);

    /** {@code Σ a[i]²} over a range, accumulated in double. */
    public abstract double sumOfSquares(A a, int off, int n);

    /**
     * One step of {@code torch.optim.Adam} (no weight decay, no amsgrad) over the whole flat
     * buffer, with the gradient first multiplied by {@code gradScale} (the clipping coefficient).
     */
    public abstract void adam(A p, A g, A m, A v, int n, double gradScale, double beta1, double beta2,
                              double stepSize, double biasCorrection2Sqrt, double eps);
}
