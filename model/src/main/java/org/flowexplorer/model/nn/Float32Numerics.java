package org.flowexplorer.model.nn;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.flowexplorer.model.Precision;

/** {@link Numerics} over {@code float[]}: float32, the precision of the seed's PyTorch code. */
final class Float32Numerics extends Numerics<float[]> {
    // Native mirrors for BLAS operands: JavaCPP's float[] overloads copy whole arrays on every call.
    private FloatPointer pa, pb, pc;

    /** -Dflowexplorer.rowKernel=false routes forward products to BLAS instead (for comparisons). */
    private static final boolean ROW_KERNEL = !"false".equalsIgnoreCase(System.getProperty("flowexplorer.rowKernel"));
    private float[] transposeScratch = new float[0];

    /** B [n×k] (row-major, at bOff) transposed into a scratch [k×n]. */
    private float[] transposed(float[] b, int bOff, int n, int k) {
        if (transposeScratch.length < n * k) {
            transposeScratch = new float[n * k];
        }
        float[] t = transposeScratch;
        for (int j = 0; j < n; j++) {
            int row = bOff + j * k;
            for (int p = 0; p < k; p++) {
                t[p * n + j] = b[row + p];
            }
        }
        return t;
    }

    Float32Numerics() {
        Blas.init();
    }

    @Override
    public Numerics<float[]> forAnotherThread() {
        return new Float32Numerics();
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT32;
    }

    @Override
    public float[] alloc(int n) {
        return new float[n];
    }

    @Override
    public double get(float[] a, int i) {
        return a[i];
    }

    @Override
    public void set(float[] a, int i, double v) {
        a[i] = (float) v;
    }

    @Override
    public void fill(float[] a, int off, int n, double v) {
        java.util.Arrays.fill(a, off, off + n, (float) v);
    }

    @Override
    public float[] fromFloats(float[] values) {
        return values.clone();
    }

    @Override
    public float[] toFloats(float[] a, int off, int n) {
        return java.util.Arrays.copyOfRange(a, off, off + n);
    }

    /**
     * A Linear's forward pass in one sweep where a SIMD kernel covers its shape: the bias and ReLU
     * are applied to each block of outputs while it is in registers, and a one-input or few-output
     * Linear runs as one loop instead of a call per row. Same arithmetic as {@link #gemm} then
     * {@link #addBias} (each output is rounded by the same operations in the same order), so the
     * model's numbers do not change; they only stop costing a second pass over the activations.
     */
    @Override
    public void linear(int m, int n, int k, float[] a, float[] params, int wOff, int bOff, boolean relu, float[] c) {
        if (FloatKernels.VECTOR && ROW_KERNEL) {
            if (k == 1) {
                VectorFloatKernels.outerBias(a, m, params, wOff, bOff, n, relu, c);
                return;
            }
            if (rowKernelFits(m, n, k)) {
                VectorFloatKernels.rowsTimesTransposed(a, 0, transposed(params, wOff, n, k), m, n, k, params, bOff, relu, c, 0);
                return;
            }
            if (n <= 4 && !Blas.worthBlas(false, true, m, n, k, true)) {
                VectorFloatKernels.rowDotsBias(a, m, k, params, wOff, bOff, n, relu, c);
                return;
            }
        }
        super.linear(m, n, k, a, params, wOff, bOff, relu, c);
    }

    /** Whether the register-blocked kernel takes A·Bᵀ of this shape (see {@link #gemm}). */
    private static boolean rowKernelFits(int m, int n, int k) {
        return k > 1 && k <= 128 && n <= 128 && m >= 64 && VectorFloatKernels.fitsRowKernel(n);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, boolean accumulate, float[] c, int cOff) {
        if (!transA && transB && !accumulate && FloatKernels.VECTOR && ROW_KERNEL && rowKernelFits(m, n, k)) {
            // A narrow Linear's forward product (hidden ≤ 128): a register-blocked SIMD kernel over a
            // transposed copy of the weights. As fast as OpenBLAS on one core at these sizes, with no
            // native copies. At 256 wide, OpenBLAS stays ahead (measured). Both run on several
            // threads at once: with OpenBLAS pinned to one thread, a second thread's sgemm calls
            // complete while another thread is inside one (measured 2026-12-02), nothing serialises.
            float[] bt = transposed(b, bOff, n, k);
            VectorFloatKernels.rowsTimesTransposed(a, aOff, bt, m, n, k, c, cOff);
            return;
        }
        if (Blas.worthBlas(transA, transB, m, n, k, FloatKernels.VECTOR)) {
            blasGemm(transA, transB, m, n, k, a, aOff, b, bOff, accumulate, c, cOff);
            return;
        }
        if (!accumulate) {
            java.util.Arrays.fill(c, cOff, cOff + m * n, 0f);
        }
        if (k == 1) {
            // Outer product (a conditioner's first Linear on one coordinate): C[i,:] += a_i · b.
            for (int i = 0; i < m; i++) {
                axpy(a[aOff + i], b, bOff, c, cOff + i * n, n);
            }
        } else if (n == 1 && transA) {
            // C[:] += Σ_p A[p,:] · b_p (gradient of a one-input Linear's weight).
            for (int p = 0; p < k; p++) {
                axpy(b[bOff + p], a, aOff + p * m, c, cOff, m);
            }
        } else if (n == 1) {
            // Matrix-vector: C[i] += A[i,:]·b (b is contiguous for either transB).
            for (int i = 0; i < m; i++) {
                c[cOff + i] += dot(a, aOff + i * k, b, bOff, k);
            }
        } else if (!transB) {
            // C[i,:] += A(i,p) · B[p,:]  — contiguous inner loop over j (vectorisable axpy).
            for (int i = 0; i < m; i++) {
                int ci = cOff + i * n;
                for (int p = 0; p < k; p++) {
                    axpy(transA ? a[aOff + p * m + i] : a[aOff + i * k + p], b, bOff + p * n, c, ci, n);
                }
            }
        } else if (!transA) {
            // C[i,j] += dot(A[i,:], B[j,:]) — both rows contiguous.
            for (int i = 0; i < m; i++) {
                int ai = aOff + i * k;
                int ci = cOff + i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += dot(a, ai, b, bOff + j * k, k);
                }
            }
        } else {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float acc = 0f;
                    for (int p = 0; p < k; p++) {
                        acc += a[aOff + p * m + i] * b[bOff + j * k + p];
                    }
                    c[cOff + i * n + j] += acc;
                }
            }
        }
    }

    private static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        FloatKernels.axpy(alpha, x, xo, y, yo, n);
    }

    private static float dot(float[] x, int xo, float[] y, int yo, int n) {
        return FloatKernels.dot(x, xo, y, yo, n);
    }

    private void blasGemm(boolean transA, boolean transB, int m, int n, int k,
                          float[] a, int aOff, float[] b, int bOff, boolean accumulate, float[] c, int cOff) {
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
        openblas_nolapack.cblas_sgemm(Blas.ROW_MAJOR, transA ? Blas.TRANS : Blas.NO_TRANS,
                transB ? Blas.TRANS : Blas.NO_TRANS, m, n, k, 1f, pa, lda, pb, ldb,
                accumulate ? 1f : 0f, pc, n);
        pc.position(0).get(c, cOff, nc);
    }

    @Override
    public void addTo(float[] src, float[] dst, int off, int n) {
        FloatKernels.axpy(1f, src, off, dst, off, n); // 1·x + y rounds as x + y
    }

    @Override
    public void addBias(float[] c, int rows, int cols, float[] bias, int biasOff, boolean relu) {
        for (int r = 0; r < rows; r++) {
            if (relu) {
                FloatKernels.biasRelu(c, r * cols, bias, biasOff, cols);
            } else {
                FloatKernels.axpy(1f, bias, biasOff, c, r * cols, cols);
            }
        }
    }

    @Override
    public void reluBackward(float[] d, float[] h, int n) {
        FloatKernels.reluBackward(d, h, n);
    }

    @Override
    public void columnSums(float[] d, int rows, int cols, float[] g, int gOff) {
        java.util.Arrays.fill(g, gOff, gOff + cols, 0f);
        for (int r = 0; r < rows; r++) {
            FloatKernels.axpy(1f, d, r * cols, g, gOff, cols);
        }
    }

    @Override
    public void gather(float[] x, int rows, int dim, int[] cols, float[] out) {
        int w = cols.length;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < w; i++) {
                out[r * w + i] = x[r * dim + cols[i]];
            }
        }
    }

    @Override
    public void scatter(float[] in, int rows, int dim, int[] cols, float[] x) {
        int w = cols.length;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < w; i++) {
                x[r * dim + cols[i]] = in[r * w + i];
            }
        }
    }

    @Override
    public void scatterAdd(float[] in, int rows, int dim, int[] cols, float[] x) {
        int w = cols.length;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < w; i++) {
                x[r * dim + cols[i]] += in[r * w + i];
            }
        }
    }

    @Override
    public double sumOfSquares(float[] a, int off, int n) {
        return FloatKernels.sumOfSquares(a, off, n);
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int off, int n, double gradScale, double beta1, double beta2,
                     double stepSize, double biasCorrection2Sqrt, double eps) {
        FloatKernels.adam(p, g, m, v, off, n, (float) gradScale, (float) beta2, (float) (1 - beta1), (float) (1 - beta2),
                (float) stepSize, (float) biasCorrection2Sqrt, (float) eps);
    }

    /** {@code p} if it holds at least n values, else a new mirror of n. */
    private static FloatPointer fit(FloatPointer p, int n) {
        return p != null && p.capacity() >= n ? p : new FloatPointer(n);
    }
}
