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
 * <p>The element-wise kernels have plain reference implementations here, written with
 * {@link #get}/{@link #set}; float64 (gradient checks, reference runs) uses them as they are, and
 * float32 (the training path) overrides each with a fused or SIMD loop.
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

    /** Another instance of the same precision with scratch buffers of its own, for another thread. */
    public abstract Numerics<A> forAnotherThread();

    public abstract A alloc(int n);

    public abstract double get(A a, int i);

    public abstract void set(A a, int i, double v);

    public abstract void fill(A a, int off, int n, double v);

    public void copy(A src, int srcOff, A dst, int dstOff, int n) {
        System.arraycopy(src, srcOff, dst, dstOff, n);
    }

    public A fromFloats(float[] values) {
        A a = alloc(values.length);
        for (int i = 0; i < values.length; i++) {
            set(a, i, values[i]);
        }
        return a;
    }

    public A fromDoubles(double[] values) {
        A a = alloc(values.length);
        for (int i = 0; i < values.length; i++) {
            set(a, i, values[i]);
        }
        return a;
    }

    public float[] toFloats(A a, int off, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) get(a, off + i);
        }
        return out;
    }

    public double[] toDoubles(A a, int off, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = get(a, off + i);
        }
        return out;
    }

    /**
     * {@code C[M×N] (+)= op(A)·op(B)}, with op(A) of shape M×K and op(B) of shape K×N.
     * Operands are dense row-major blocks starting at the given offsets.
     *
     * @param accumulate add to C instead of overwriting it
     */
    public abstract void gemm(boolean transA, boolean transB, int m, int n, int k,
                              A a, int aOff, A b, int bOff, boolean accumulate, A c, int cOff);

    /**
     * A Linear layer's forward pass, {@code C[m×n] = act(A[m×k] · Wᵀ + b)} with W [n×k] at {@code wOff}
     * and b at {@code bOff} in {@code params}, act = ReLU or identity: {@link #gemm} then
     * {@link #addBias}, which a subclass may fuse into one pass with the same arithmetic.
     */
    public void linear(int m, int n, int k, A a, A params, int wOff, int bOff, boolean relu, A c) {
        gemm(false, true, m, n, k, a, 0, params, wOff, false, c, 0);
        addBias(c, m, n, params, bOff, relu);
    }

    /** {@code c[r, j] = act(c[r, j] + bias[j])} with act = ReLU or identity. */
    public void addBias(A c, int rows, int cols, A bias, int biasOff, boolean relu) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                double v = get(c, r * cols + j) + get(bias, biasOff + j);
                set(c, r * cols + j, relu ? Math.max(v, 0.0) : v);
            }
        }
    }

    /** ReLU backward in place: {@code d[i] = h[i] > 0 ? d[i] : 0}, where h is the ReLU output. */
    public void reluBackward(A d, A h, int n) {
        for (int i = 0; i < n; i++) {
            if (!(get(h, i) > 0)) {
                set(d, i, 0.0);
            }
        }
    }

    /** {@code g[gOff + j] = Σ_r d[r, j]} (bias gradient). */
    public void columnSums(A d, int rows, int cols, A g, int gOff) {
        fill(g, gOff, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                set(g, gOff + j, get(g, gOff + j) + get(d, r * cols + j));
            }
        }
    }

    /** {@code out[r, i] = x[r, cols[i]]} for an x of width {@code dim}. */
    public void gather(A x, int rows, int dim, int[] cols, A out) {
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols.length; i++) {
                set(out, r * cols.length + i, get(x, r * dim + cols[i]));
            }
        }
    }

    /** {@code x[r, cols[i]] = in[r, i]}. */
    public void scatter(A in, int rows, int dim, int[] cols, A x) {
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols.length; i++) {
                set(x, r * dim + cols[i], get(in, r * cols.length + i));
            }
        }
    }

    /** {@code x[r, cols[i]] += in[r, i]}. */
    public void scatterAdd(A in, int rows, int dim, int[] cols, A x) {
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols.length; i++) {
                int at = r * dim + cols[i];
                set(x, at, get(x, at) + get(in, r * cols.length + i));
            }
        }
    }

    /** {@code dst[off + i] += src[off + i]} for i < n (summing gradient buffers). */
    public void addTo(A src, A dst, int off, int n) {
        for (int i = off; i < off + n; i++) {
            set(dst, i, get(dst, i) + get(src, i));
        }
    }

    /** {@code Σ a[i]²} over a range, accumulated in double. */
    public double sumOfSquares(A a, int off, int n) {
        double acc = 0;
        for (int i = 0; i < n; i++) {
            double v = get(a, off + i);
            acc += v * v;
        }
        return acc;
    }

    /**
     * One step of {@code torch.optim.Adam} (no weight decay, no amsgrad) over the whole flat
     * buffer, with the gradient first multiplied by {@code gradScale} (the clipping coefficient).
     */
    public final void adam(A p, A g, A m, A v, int n, double gradScale, double beta1, double beta2,
                           double stepSize, double biasCorrection2Sqrt, double eps) {
        adam(p, g, m, v, 0, n, gradScale, beta1, beta2, stepSize, biasCorrection2Sqrt, eps);
    }

    /**
     * The same over elements [off, off + n) only: each element's update depends on nothing else, so
     * ranges may run on different threads (this instance's adam keeps no scratch) with the same result.
     */
    public void adam(A p, A g, A m, A v, int off, int n, double gradScale, double beta1, double beta2,
                     double stepSize, double biasCorrection2Sqrt, double eps) {
        double ob1 = 1.0 - beta1, ob2 = 1.0 - beta2;
        for (int i = off; i < off + n; i++) {
            double gi = get(g, i) * gradScale;
            double mi = get(m, i) + (gi - get(m, i)) * ob1;
            double vi = get(v, i) * beta2 + gi * gi * ob2;
            set(m, i, mi);
            set(v, i, vi);
            set(p, i, get(p, i) - stepSize * (mi / (Math.sqrt(vi) / biasCorrection2Sqrt + eps)));
        }
    }
}
