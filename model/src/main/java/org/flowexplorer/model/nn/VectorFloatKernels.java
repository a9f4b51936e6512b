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
        rowsTimesTransposed(a, aOff, bt, m, n, k, null, 0, false, c, cOff);
    }

    /**
     * The same, then {@code c = act(c + bias)} (act = ReLU or identity) on each block while it is
     * still in registers: a Linear layer's forward pass in one sweep over C, with the arithmetic of
     * the product followed by {@link #biasRelu} or {@link #axpy} (bias null: the product alone).
     */
    static void rowsTimesTransposed(float[] a, int aOff, float[] bt, int m, int n, int k, float[] bias, int bOff, boolean relu,
                                    float[] c, int cOff) {
        int j0 = 0;
        for (; j0 + 4 * L <= n; j0 += 4 * L) {
            int i = 0;
            for (; i + 3 < m; i += 4) {
                fourRowsFourVectors(a, aOff + i * k, bt, n, k, j0, bias, bOff + j0, relu, c, cOff + i * n + j0);
            }
            for (; i < m; i++) {
                rowBlock(a, aOff + i * k, bt, n, k, j0, 2, bias, bOff + j0, relu, c, cOff + i * n + j0);
                rowBlock(a, aOff + i * k, bt, n, k, j0 + 2 * L, 2, bias, bOff + j0 + 2 * L, relu, c, cOff + i * n + j0 + 2 * L);
            }
        }
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
                int ci = cOff + i * n + j0, bj = bOff + j0;
                store(c00, bias, bj, relu, c, ci);
                store(c01, bias, bj + L, relu, c, ci + L);
                store(c10, bias, bj, relu, c, ci + n);
                store(c11, bias, bj + L, relu, c, ci + n + L);
                store(c20, bias, bj, relu, c, ci + 2 * n);
                store(c21, bias, bj + L, relu, c, ci + 2 * n + L);
                store(c30, bias, bj, relu, c, ci + 3 * n);
                store(c31, bias, bj + L, relu, c, ci + 3 * n + L);
            }
            for (; i < m; i++) {
                rowBlock(a, aOff + i * k, bt, n, k, j0, 2, bias, bOff + j0, relu, c, cOff + i * n + j0);
            }
        }
        if (j0 < n) {
            for (int i = 0; i < m; i++) {
                rowBlock(a, aOff + i * k, bt, n, k, j0, 1, bias, bOff + j0, relu, c, cOff + i * n + j0);
            }
        }
    }

    /**
     * 4 rows × 4 vectors of outputs (64 columns at 512 bits) in 16 registers: each row of bt loaded
     * serves four rows and each broadcast four vectors, half the loads per multiply-add of the
     * 4 × 2 block, which is what holds that one below the core's two FMAs per cycle. Every output is
     * the same chain of multiply-adds over p as in the 4 × 2 block. Written out register by
     * register: held in an array, the vectors are boxed (measured 25× slower).
     */
    private static void fourRowsFourVectors(float[] a, int a0, float[] bt, int n, int k, int j0, float[] bias, int bo, boolean relu,
                                            float[] c, int ci) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        int a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        for (int p = 0, bp = j0; p < k; p++, bp += n) {
            FloatVector b0 = FloatVector.fromArray(S, bt, bp), b1 = FloatVector.fromArray(S, bt, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, bt, bp + 2 * L), b3 = FloatVector.fromArray(S, bt, bp + 3 * L);
            FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(S, a[a1 + p]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(S, a[a2 + p]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(S, a[a3 + p]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + L);
        c02.intoArray(c, ci + 2 * L);
        c03.intoArray(c, ci + 3 * L);
        c10.intoArray(c, ci + n);
        c11.intoArray(c, ci + n + L);
        c12.intoArray(c, ci + n + 2 * L);
        c13.intoArray(c, ci + n + 3 * L);
        c20.intoArray(c, ci + 2 * n);
        c21.intoArray(c, ci + 2 * n + L);
        c22.intoArray(c, ci + 2 * n + 2 * L);
        c23.intoArray(c, ci + 2 * n + 3 * L);
        c30.intoArray(c, ci + 3 * n);
        c31.intoArray(c, ci + 3 * n + L);
        c32.intoArray(c, ci + 3 * n + 2 * L);
        c33.intoArray(c, ci + 3 * n + 3 * L);
        if (bias != null) {
            // The bias and ReLU as a second sweep over the block while it is in L1: applied here in
            // registers, the method outgrows C2's inlining budget and its vectors end up boxed.
            for (int r = 0; r < 4; r++) {
                if (relu) {
                    biasRelu(c, ci + r * n, bias, bo, 4 * L);
                } else {
                    axpy(1f, bias, bo, c, ci + r * n, 4 * L);
                }
            }
        }
    }

    /** v, plus bias[bo..] and through a ReLU when asked, into c[ci..]. */
    private static void store(FloatVector v, float[] bias, int bo, boolean relu, float[] c, int ci) {
        if (bias != null) {
            v = v.add(FloatVector.fromArray(S, bias, bo));
            if (relu) {
                v = v.max(0f);
            }
        }
        v.intoArray(c, ci);
    }

    /** One row of A against {@code vectors} (1 or 2) vectors of outputs starting at column j0. */
    private static void rowBlock(float[] a, int ai, float[] bt, int n, int k, int j0, int vectors, float[] bias, int bo, boolean relu,
                                 float[] c, int ci) {
        FloatVector c0 = FloatVector.zero(S), c1 = c0;
        for (int p = 0, bp = j0; p < k; p++, bp += n) {
            FloatVector x = FloatVector.broadcast(S, a[ai + p]);
            c0 = FloatVector.fromArray(S, bt, bp).fma(x, c0);
            if (vectors == 2) {
                c1 = FloatVector.fromArray(S, bt, bp + L).fma(x, c1);
            }
        }
        store(c0, bias, bo, relu, c, ci);
        if (vectors == 2) {
            store(c1, bias, bo + L, relu, c, ci + L);
        }
    }

    /**
     * A one-input Linear, {@code c[i, :] = act(a[i] · w + b)} for w, b of n values at wOff, bOff in
     * {@code p}: the outer product then the bias, rounded as {@link #axpy} onto zeros then
     * {@link #biasRelu} (or {@link #axpy}) round them, in one pass over the rows.
     */
    static void outerBias(float[] a, int m, float[] p, int wOff, int bOff, int n, boolean relu, float[] c) {
        int ub = S.loopBound(n);
        for (int i = 0; i < m; i++) {
            float x = a[i];
            int ci = i * n, j = 0;
            if (relu) { // two loops: a vector chosen by a branch would be boxed
                for (; j < ub; j += L) {
                    FloatVector.fromArray(S, p, wOff + j).mul(x).add(FloatVector.fromArray(S, p, bOff + j)).max(0f).intoArray(c, ci + j);
                }
            } else {
                for (; j < ub; j += L) {
                    FloatVector.fromArray(S, p, wOff + j).mul(x).add(FloatVector.fromArray(S, p, bOff + j)).intoArray(c, ci + j);
                }
            }
            for (; j < n; j++) {
                float v = x * p[wOff + j] + p[bOff + j];
                c[ci + j] = relu ? Math.max(v, 0f) : v;
            }
        }
    }

    /**
     * A Linear with few outputs (a coupling's last), {@code c[i, j] = act(A[i, :] · W[j, :] + b[j])}:
     * each output is the {@link #dot} of two contiguous rows, as the general product computes it,
     * two outputs at a time so that they share the loads of A's row.
     */
    static void rowDotsBias(float[] a, int m, int k, float[] p, int wOff, int bOff, int n, boolean relu, float[] c) {
        int ub = S.loopBound(k), i = 0;
        if (n == 2 && ub == k) {
            // Two rows at a time: four independent reductions, whose lane-by-lane adds are what a
            // row costs; each output is still the same dot as below.
            float b0 = p[bOff], b1 = p[bOff + 1];
            for (; i + 1 < m; i += 2) {
                int ai = i * k, aj = ai + k, w1 = wOff + k;
                FloatVector acc0 = FloatVector.zero(S), acc1 = acc0, acc2 = acc0, acc3 = acc0;
                for (int q = 0; q < ub; q += L) {
                    FloatVector w0v = FloatVector.fromArray(S, p, wOff + q), w1v = FloatVector.fromArray(S, p, w1 + q);
                    FloatVector x = FloatVector.fromArray(S, a, ai + q), y = FloatVector.fromArray(S, a, aj + q);
                    acc0 = x.fma(w0v, acc0);
                    acc1 = x.fma(w1v, acc1);
                    acc2 = y.fma(w0v, acc2);
                    acc3 = y.fma(w1v, acc3);
                }
                c[2 * i] = act(acc0.reduceLanes(VectorOperators.ADD) + b0, relu);
                c[2 * i + 1] = act(acc1.reduceLanes(VectorOperators.ADD) + b1, relu);
                c[2 * i + 2] = act(acc2.reduceLanes(VectorOperators.ADD) + b0, relu);
                c[2 * i + 3] = act(acc3.reduceLanes(VectorOperators.ADD) + b1, relu);
            }
        }
        for (; i < m; i++) {
            int ai = i * k, ci = i * n, j = 0;
            for (; j + 1 < n; j += 2) {
                int w0 = wOff + j * k, w1 = w0 + k;
                FloatVector acc0 = FloatVector.zero(S), acc1 = acc0;
                int q = 0;
                for (; q < ub; q += L) {
                    FloatVector x = FloatVector.fromArray(S, a, ai + q);
                    acc0 = x.fma(FloatVector.fromArray(S, p, w0 + q), acc0);
                    acc1 = x.fma(FloatVector.fromArray(S, p, w1 + q), acc1);
                }
                float s0 = acc0.reduceLanes(VectorOperators.ADD), s1 = acc1.reduceLanes(VectorOperators.ADD);
                for (; q < k; q++) {
                    s0 += a[ai + q] * p[w0 + q];
                    s1 += a[ai + q] * p[w1 + q];
                }
                c[ci + j] = act(s0 + p[bOff + j], relu);
                c[ci + j + 1] = act(s1 + p[bOff + j + 1], relu);
            }
            if (j < n) {
                c[ci + j] = act(dot(a, ai, p, wOff + j * k, k) + p[bOff + j], relu);
            }
        }
    }

    private static float act(float v, boolean relu) {
        return relu ? Math.max(v, 0f) : v;
    }
}
