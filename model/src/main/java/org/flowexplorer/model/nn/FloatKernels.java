package org.flowexplorer.model.nn;

/**
 * The float32 inner loops, written so C2 can auto-vectorise them where it is able to (flat
 * single-index loops, no branches). {@link VectorFloatKernels} has the same loops written with the
 * incubating Vector API, used when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 */
final class FloatKernels {
    /** ReLU derivative without a branch: min(h·BIG, 1) is 1 for h > 0 and 0 for h = 0. */
    private static final float BIG = Float.MAX_VALUE;

    static final boolean VECTOR = VectorSupport.available();

    private FloatKernels() {
    }

    /** y[yo..yo+n) += alpha · x[xo..xo+n). */
    static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        if (VECTOR) {
            VectorFloatKernels.axpy(alpha, x, xo, y, yo, n);
            return;
        }
        for (int j = 0; j < n; j++) {
            y[yo + j] += alpha * x[xo + j];
        }
    }

    static float dot(float[] x, int xo, float[] y, int yo, int n) {
        if (VECTOR) {
            return VectorFloatKernels.dot(x, xo, y, yo, n);
        }
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += x[xo + j] * y[yo + j];
            s1 += x[xo + j + 1] * y[yo + j + 1];
            s2 += x[xo + j + 2] * y[yo + j + 2];
            s3 += x[xo + j + 3] * y[yo + j + 3];
        }
        for (; j < n; j++) {
            s0 += x[xo + j] * y[yo + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** c[co + j] = max(c[co + j] + b[bo + j], 0) for j < n. */
    static void biasRelu(float[] c, int co, float[] b, int bo, int n) {
        if (VECTOR) {
            VectorFloatKernels.biasRelu(c, co, b, bo, n);
            return;
        }
        for (int j = 0; j < n; j++) {
            c[co + j] = Math.max(c[co + j] + b[bo + j], 0f);
        }
    }

    /** d[i] = h[i] > 0 ? d[i] : 0. */
    static void reluBackward(float[] d, float[] h, int n) {
        if (VECTOR) {
            VectorFloatKernels.reluBackward(d, h, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            d[i] *= Math.min(h[i] * BIG, 1f);
        }
    }

    /** Σ a[i]², accumulated in double. */
    static double sumOfSquares(float[] a, int off, int n) {
        if (VECTOR) {
            return VectorFloatKernels.sumOfSquares(a, off, n);
        }
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

    /** Fused clip-scale + Adam update; see {@link Numerics#adam}. ob = 1 − β. */
    static void adam(float[] p, float[] g, float[] m, float[] v, int off, int n, float scale, float b2, float ob1, float ob2,
                     float step, float bc2, float eps) {
        if (VECTOR) {
            VectorFloatKernels.adam(p, g, m, v, off, n, scale, b2, ob1, ob2, step, bc2, eps);
            return;
        }
        for (int i = off; i < off + n; i++) {
            float gi = g[i] * scale;
            float mi = m[i] + (gi - m[i]) * ob1;          // torch: exp_avg.lerp_(grad, 1 - beta1)
            float vi = v[i] * b2 + gi * gi * ob2;         // torch: exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2)
            m[i] = mi;
            v[i] = vi;
            p[i] -= step * (mi / ((float) Math.sqrt(vi) / bc2 + eps));
        }
    }
}
