package org.flowexplorer.model.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.flowexplorer.model.Precision;

/** {@link Numerics} over {@code double[]}: float64, for gradient checks against finite differences. */
final class Float64Numerics extends Numerics<double[]> {
    /** ReLU derivative without a branch: min(h·BIG, 1) is 1 for h > 0 and 0 for h = 0. */
    private static final double BIG = Double.MAX_VALUE;

    // Native mirrors for BLAS operands: JavaCPP's double[] overloads copy whole arrays on every call.
    private DoublePointer pa, pb, pc;
    private long capA, capB, capC;

    Float64Numerics() {
        Blas.init();
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
    public int length(double[] a) {
        return a.length;
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
    public void copy(double[] src, int srcOff, double[] dst, int dstOff, int n) {
        System.arraycopy(src, srcOff, dst, dstOff, n);
    }

    @Override
    public double[] fromFloats(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Override
    public double[] fromDoubles(double[] values) {
        return values.clone();
    }

    @Override
    public float[] toFloats(double[] a, int off, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) a[off + i];
        }
        return out;
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
        if (na > capA) {
            pa = new DoublePointer(na);
            capA = na;
        }
        if (nb > capB) {
            pb = new DoublePointer(nb);
            capB = nb;
        }
        if (nc > capC) {
            pc = new DoublePointer(nc);
            capC = nc;
        }
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

    @Override
    public void addBias(double[] c, int rows, int cols, double[] bias, int biasOff, boolean relu) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            if (relu) {
                for (int j = 0; j < cols; j++) {
                    c[o + j] = Math.max(c[o + j] + bias[biasOff + j], 0.0);
                }
            } else {
                for (int j = 0; j < cols; j++) {
                    c[o + j] += bias[biasOff + j];
                }
            }
        }
    }

    @Override
    public void reluBackward(double[] d, double[] h, int n) {
        for (int i = 0; i < n; i++) {
            d[i] *= Math.min(h[i] * BIG, 1.0);
        }
    }

    @Override
    public void columnSums(double[] d, int rows, int cols, double[] g, int gOff) {
        java.util.Arrays.fill(g, gOff, gOff + cols, 0.0);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            for (int j = 0; j < cols; j++) {
                g[gOff + j] += d[o + j];
            }
        }
    }

    @Override
    public void gather(double[] x, int rows, int dim, int[] cols, double[] out) {
        int w = cols.length;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < w; i++) {
                out[r * w + i] = x[r * dim + cols[i]];
            }
        }
    }

    @Override
    public void scatter(double[] in, int rows, int dim, int[] cols, double[] x) {
        int w = cols.length;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < w; i++) {
                x[r * dim + cols[i]] = in[r * w + i];
            }
        }
    }

    @Override
    public void scatterAdd(double[] in, int rows, int dim, int[] cols, double[] x) {
        int w = cols.length;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < w; i++) {
                x[r * dim + cols[i]] += in[r * w + i];
            }
        }
    }

    @Override
    public double sumOfSquares(double[] a, int off, int n) {
        double s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += (double) a[off + i] * a[off + i];
            s1 += (double) a[off + i + 1] * a[off + i + 1];
        }
        for (; i < n; i++) {
            s0 += (double) a[off + i] * a[off + i];
        }
        return s0 + s1;
    }

    @Override
    public void adam(double[] p, double[] g, double[] m, double[] v, int n, double gradScale, double beta1, double beta2,
                     double stepSize, double biasCorrection2Sqrt, double eps) {
        double ob1 = 1.0 - beta1, ob2 = 1.0 - beta2;
        for (int i = 0; i < n; i++) {
            double gi = g[i] * gradScale;
            double mi = m[i] + (gi - m[i]) * ob1;
            double vi = v[i] * beta2 + gi * gi * ob2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= stepSize * (mi / (Math.sqrt(vi) / biasCorrection2Sqrt + eps));
        }
    }
}
