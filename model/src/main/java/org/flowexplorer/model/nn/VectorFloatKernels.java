package org.flowexplorer.model.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernels} with explicit SIMD through the incubating Vector API. Only loaded when
 * {@link VectorSupport#available()}; each loop has a scalar tail.
 */
final class VectorFloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Block length for sums of squares: float lanes within a block, double across blocks. */
    private static final int BLOCK = 1024;

    private VectorFloatKernels() {
    }

    static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector a = FloatVector.broadcast(S, alpha);
        int j = 0;
        for (int ub = S.loopBound(n); j < ub; j += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xo + j);
            FloatVector yv = FloatVector.fromArray(S, y, yo + j);
            xv.fma(a, yv).intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            y[yo + j] += alpha * x[xo + j];
        }
    }

    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        FloatVector acc = FloatVector.zero(S);
        int j = 0;
        for (int ub = S.loopBound(n); j < ub; j += L) {
            acc = FloatVector.fromArray(S, x, xo + j).fma(FloatVector.fromArray(S, y, yo + j), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            s += x[xo + j] * y[yo + j];
        }
        return s;
    }

    static void biasRelu(float[] c, int co, float[] b, int bo, int n) {
        int j = 0;
        for (int ub = S.loopBound(n); j < ub; j += L) {
            FloatVector.fromArray(S, c, co + j).add(FloatVector.fromArray(S, b, bo + j)).max(0f).intoArray(c, co + j);
        }
        for (; j < n; j++) {
            c[co + j] = Math.max(c[co + j] + b[bo + j], 0f);
        }
    }

    static void reluBackward(float[] d, float[] h, int n) {
        int i = 0;
        for (int ub = S.loopBound(n); i < ub; i += L) {
            VectorMask<Float> dead = FloatVector.fromArray(S, h, i).compare(VectorOperators.LE, 0f);
            FloatVector.fromArray(S, d, i).blend(0f, dead).intoArray(d, i);
        }
        for (; i < n; i++) {
            d[i] = h[i] > 0f ? d[i] : 0f;
        }
    }

    static double sumOfSquares(float[] a, int off, int n) {
        double total = 0;
        for (int start = 0; start < n; start += BLOCK) {
            int len = Math.min(BLOCK, n - start);
            FloatVector acc = FloatVector.zero(S);
            int j = 0;
            for (int ub = S.loopBound(len); j < ub; j += L) {
                FloatVector v = FloatVector.fromArray(S, a, off + start + j);
                acc = v.fma(v, acc);
            }
            double block = acc.reduceLanes(VectorOperators.ADD);
            for (; j < len; j++) {
                float v = a[off + start + j];
                block += (double) v * v;
            }
            total += block;
        }
        return total;
    }

    /** Each element's update is the same whether the vector or the scalar loop computes it (no fused multiply-adds). */
    static void adam(float[] p, float[] g, float[] m, float[] v, int off, int n, float scale, float b2, float ob1, float ob2,
                     float step, float bc2, float eps) {
        int i = off;
        for (int ub = off + S.loopBound(n); i < ub; i += L) {
            FloatVector gi = FloatVector.fromArray(S, g, i).mul(scale);
            FloatVector mo = FloatVector.fromArray(S, m, i);
            FloatVector mi = gi.sub(mo).mul(ob1).add(mo);
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(b2).add(gi.mul(gi).mul(ob2));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector denom = vi.sqrt().div(bc2).add(eps);
            FloatVector pv = FloatVector.fromArray(S, p, i);
            pv.sub(mi.div(denom).mul(step)).intoArray(p, i);
        }
        for (; i < off + n; i++) {
            float gi = g[i] * scale;
            float mi = m[i] + (gi - m[i]) * ob1;
            float vi = v[i] * b2 + gi * gi * ob2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= step * (mi / ((float) Math.sqrt(vi) / bc2 + eps));
        }
    }

    /** Whether {@link #rowsTimesTransposed} handles an output width of n. */
    static boolean fitsRowKernel(int n) {
        return n % L == 0;
    }

    /**
     * C[m×n] = A[m×k] · Bᵀ with Bᵀ given transposed as {@code bt} [k×n] (each step of the inner loop
     * reads a contiguous row of bt). A register-blocked GEMM micro-kernel: 4 rows × 2 vectors of
     * outputs accumulate in 8 registers across the whole k loop, so each loaded piece of bt serves
     * four rows. It needs no copies to native memory and runs on several threads at once.
     */
    static void rowsTimesTransposed(float[] a, int aOff, float[] bt, int m, int n, int k, float[] c, int cOff) {
        int j0 = 0;
        for (; j0 + 2 * L <= n; j0 += 2 * L) {
            int i = 0;
            for (; i + 3 < m; i += 4) {
                FloatVector c00 = FloatVector.zero(S), c01 = c00, c10 = c00, c11 = c00;
                FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
                int a0 = aOff + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
                for (int p = 0, bp = j0; p < k; p++, bp += n) {
                    FloatVector b0 = FloatVector.fromArray(S, bt, bp);
                    FloatVector b1 = FloatVector.fromArray(S, bt, bp + L);
                    FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
                    c00 = b0.fma(x, c00);
                    c01 = b1.fma(x, c01);
                    x = FloatVector.broadcast(S, a[a1 + p]);
                    c10 = b0.fma(x, c10);
                    c11 = b1.fma(x, c11);
                    x = FloatVector.broadcast(S, a[a2 + p]);
                    c20 = b0.fma(x, c20);
                    c21 = b1.fma(x, c21);
                    x = FloatVector.broadcast(S, a[a3 + p]);
                    c30 = b0.fma(x, c30);
                    c31 = b1.fma(x, c31);
                }
                int ci = cOff + i * n + j0;
                c00.intoArray(c, ci);
                c01.intoArray(c, ci + L);
                c10.intoArray(c, ci + n);
                c11.intoArray(c, ci + n + L);
                c20.intoArray(c, ci + 2 * n);
                c21.intoArray(c, ci + 2 * n + L);
                c30.intoArray(c, ci + 3 * n);
                c31.intoArray(c, ci + 3 * n + L);
            }
            for (; i < m; i++) {
                rowBlock(a, aOff + i * k, bt, n, k, j0, 2, c, cOff + i * n + j0);
            }
        }
        if (j0 < n) {
            for (int i = 0; i < m; i++) {
                rowBlock(a, aOff + i * k, bt, n, k, j0, 1, c, cOff + i * n + j0);
            }
        }
    }

    /** One row of A against {@code vectors} (1 or 2) vectors of outputs starting at column j0. */
    private static void rowBlock(float[] a, int ai, float[] bt, int n, int k, int j0, int vectors, float[] c, int ci) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0;
        for (int p = 0, bp = j0; p < k; p++, bp += n) {
            FloatVector x = FloatVector.broadcast(S, a[ai + p]);
            c0 = FloatVector.fromArray(S, bt, bp).fma(x, c0);
            if (vectors == 2) {
                c1 = FloatVector.fromArray(S, bt, bp + L).fma(x, c1);
            }
        }
        c0.intoArray(c, ci);
        if (vectors == 2) {
            c1.intoArray(c, ci + L);
        }
    }
}
