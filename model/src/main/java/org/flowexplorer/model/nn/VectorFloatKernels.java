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

    static void adam(float[] p, float[] g, float[] m, float[] v, int n, float scale, float b2, float ob1, float ob2,
                     float step, float bc2, float eps) {
        int i = 0;
        for (int ub = S.loopBound(n); i < ub; i += L) {
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
        for (; i < n; i++) {
            float gi = g[i] * scale;
            float mi = m[i] + (gi - m[i]) * ob1;
            float vi = v[i] * b2 + gi * gi * ob2;
            m[i] = mi;
            v[i] = vi;
            p[i] -= step * (mi / ((float) Math.sqrt(vi) / bc2 + eps));
        }
    }
}
