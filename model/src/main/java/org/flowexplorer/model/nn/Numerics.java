package org.flowexplorer.model.nn;

import org.flowexplorer.model.Precision;

/**
 * The handful of numerical kernels a coupling flow needs, over flat primitive arrays
 * ({@code float[]} for {@link Precision#FLOAT32}, {@code double[]} for {@link Precision#FLOAT64}).
 *
 * <p>Why not ND4J ops: each ND4J call costs 10–60 µs of dispatch, and a training step would need
 * hundreds of them. Here the large products go straight to OpenBLAS ({@code cblas_?gemm}) and
 * everything else is a fused, branch-free Java loop over preallocated arrays. The coupling and
 * flow code is written once against this class; only these kernels exist per precision.
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

    /**
     * Affine head, forward: from conditioner outputs {@code o = [raw s | t]} (rows × 2·dt)
     * computes {@code s = 2·tanh(raw s)}, {@code e = exp(s)}, {@code yT = u·e + t} and
     * {@code ld[r] += Σ_j s[r, j]}.
     */
    public abstract void affineForward(A o, A u, int rows, int dt, A s, A e, A yT, A ld);

    /** Affine head, inverse: {@code u = (yT − t)·exp(−s)}, {@code ld[r] −= Σ_j s[r, j]}; writes s. */
    public abstract void affineInverse(A o, A yT, int rows, int dt, A s, A u, A ld);

    /**
     * Affine head, backward. Given dL/dyT and dL/dld (per row), writes dL/do (rows × 2·dt) and
     * dL/du. With s = 2·tanh(r): ds/dr = 2(1 − tanh²r) = 2 − s²/2.
     */
    public abstract void affineBackward(A dyT, A u, A s, A e, A dld, int rows, int dt, A dO, A dU);

    /** Additive head: {@code yT = u + sign·t} with t = o (rows × dt). */
    public abstract void additive(A o, A u, int rows, int dt, double sign, A yT);

    /** {@code Σ a[i]²} over a range, accumulated in double. */
    public abstract double sumOfSquares(A a, int off, int n);

    /**
     * One step of {@code torch.optim.Adam} (no weight decay, no amsgrad) over the whole flat
     * buffer, with the gradient first multiplied by {@code gradScale} (the clipping coefficient).
     */
    public abstract void adam(A p, A g, A m, A v, int n, double gradScale, double beta1, double beta2,
                              double stepSize, double biasCorrection2Sqrt, double eps);
}
