package org.flowexplorer.model.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.flowexplorer.model.Precision;

/**
 * {@link Numerics} over {@code double[]}: float64, for gradient checks against finite differences
 * and reference runs. Only storage and products live here; the element-wise kernels are the
 * reference loops of {@link Numerics}.
 */
final class Float64Numerics extends Numerics<double[]> {
    // Native mirrors for BLAS operands: JavaCPP's double[] overloads copy whole arrays on every call.
    private DoublePointer pa, pb, pc;

    Float64Numerics() {
        Blas.init();
    }

    @Override
    public Numerics<double[]> forAnotherThread() {
        return new Float64Numerics();
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT64;
    }

    @Override
    public double[] alloc(int n) {
        return new double[n];
    }

    @Override
    public double get(double[] a, int i) {
        return a[i];
    }

    @Override
    public void set(double[] a, int i, double v) {
        a[i] = (double) v;
    }

    @Override
    public void fill(double[] a, int off, int n, double v) {
        java.util.Arrays.fill(a, off, off + n, v);
    }

    @Override
    public double[] fromDoubles(double[] values) {
        return values.clone();
    }

    @Override
    public double[] toDoubles(double[] a, int off, int n) {
        return java.util.Arrays.copyOfRange(a, off, off + n);
    }

    /**
     * Outer products (k = 1) and matrix-vector products (n = 1) in Java; everything else in
     * OpenBLAS. float64 serves gradient checks and reference runs, not the training hot loop, so it
     * has no hand-tuned fallbacks of its own.
     */
    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOff, double[] b, int bOff, boolean accumulate, double[] c, int cOff) {
        if (k != 1 && n != 1) {
            blasGemm(transA, transB, m, n, k, a, aOff, b, bOff, accumulate, c, cOff);
            return;
        }
        if (!accumulate) {
            java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
        }
        if (k == 1) {
            // C[i,:] += a_i · b (a conditioner's first Linear on one coordinate).
            for (int i = 0; i < m; i++) {
                double ai = a[aOff + i];
                for (int j = 0; j < n; j++) {
                    c[cOff + i * n + j] += ai * b[bOff + j];
                }
            }
        } else {
            // C[i] += Σ_p op(A)[i,p] · b_p (b is contiguous for either transB).
            for (int i = 0; i < m; i++) {
                double acc = 0.0;
                for (int p = 0; p < k; p++) {
                    acc += (transA ? a[aOff + p * m + i] : a[aOff + i * k + p]) * b[bOff + p];
                }
                c[cOff + i] += acc;
            }
        }
    }

    private void blasGemm(boolean transA, boolean transB, int m, int n, int k,
                          double[] a, int aOff, double[] b, int bOff, boolean accumulate, double[] c, int cOff) {
        int na = m * k, nb = k * n, nc = m * n;
        pa = fit(pa, na);
        pb = fit(pb, nb);
        pc = fit(pc, nc);
        pa.position(0).put(a, aOff, na);
        pb.position(0).put(b, bOff, nb);
        if (accumulate) {
            pc.position(0).put(c, cOff, nc);
        }
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        openblas_nolapack.cblas_dgemm(Blas.ROW_MAJOR, transA ? Blas.TRANS : Blas.NO_TRANS,
                transB ? Blas.TRANS : Blas.NO_TRANS, m, n, k, 1.0, pa, lda, pb, ldb,
                accumulate ? 1.0 : 0.0, pc, n);
        pc.position(0).get(c, cOff, nc);
    }

    /** {@code p} if it holds at least n values, else a new mirror of n. */
    private static DoublePointer fit(DoublePointer p, int n) {
        return p != null && p.capacity() >= n ? p : new DoublePointer(n);
    }
}
