package org.flowexplorer.model.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SIMD kernels must compute what the plain loops compute (up to float rounding), including
 * the scalar tails: lengths that are not multiples of the vector width, and offsets.
 */
class FloatKernelsTest {
    private static final int[] LENGTHS = {1, 3, 7, 8, 15, 16, 17, 33, 64, 100, 1023, 1024, 1025, 3000};

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    @Test
    void vectorKernelsMatchPlainLoops() {
        assumeTrue(VectorSupport.available(), "JVM started without --add-modules jdk.incubator.vector");
        Random r = new Random(3);
        for (int n : LENGTHS) {
            float[] x = random(r, n + 5), y = random(r, n + 9);
            float[] yv = y.clone();
            VectorFloatKernels.axpy(0.7f, x, 5, yv, 9, n);
            for (int j = 0; j < n; j++) {
                assertEquals(y[9 + j] + 0.7f * x[5 + j], yv[9 + j], 1e-5f, "axpy n=" + n);
            }
            double dot = 0;
            for (int j = 0; j < n; j++) {
                dot += (double) x[5 + j] * y[9 + j];
            }
            assertEquals(dot, VectorFloatKernels.dot(x, 5, y, 9, n), 1e-4 * Math.sqrt(n), "dot n=" + n);

            float[] c = random(r, n + 2), b = random(r, n), cv = c.clone();
            VectorFloatKernels.biasRelu(cv, 2, b, 0, n);
            for (int j = 0; j < n; j++) {
                assertEquals(Math.max(c[2 + j] + b[j], 0f), cv[2 + j], 0f, "biasRelu n=" + n);
            }

            float[] d = random(r, n), h = random(r, n), dv = d.clone();
            for (int j = 0; j < n; j += 3) {
                h[j] = 0f; // ReLU outputs are exactly 0 where dead
            }
            VectorFloatKernels.reluBackward(dv, h, n);
            for (int j = 0; j < n; j++) {
                assertEquals(h[j] > 0 ? d[j] : 0f, dv[j], 0f, "reluBackward n=" + n);
            }

            double ss = 0;
            for (int j = 0; j < n; j++) {
                ss += (double) x[j] * x[j];
            }
            assertEquals(ss, VectorFloatKernels.sumOfSquares(x, 0, n), 1e-6 * ss + 1e-12, "sumOfSquares n=" + n);
        }
    }

    @Test
    void vectorAdamMatchesPlainAdam() {
        assumeTrue(VectorSupport.available(), "JVM started without --add-modules jdk.incubator.vector");
        Random r = new Random(4);
        int n = 1037;
        float[] p = random(r, n), g = random(r, n), m = random(r, n), v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.abs((float) r.nextGaussian());
        }
        float[] p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
        VectorFloatKernels.adam(p, g, m, v, 0, n, 0.5f, 0.999f, 0.1f, 0.001f, 0.01f, 0.3f, 1e-8f);
        for (int i = 0; i < n; i++) {
            float gi = g[i] * 0.5f;
            float mi = m2[i] + (gi - m2[i]) * 0.1f;
            float vi = v2[i] * 0.999f + gi * gi * 0.001f;
            float pi = p2[i] - 0.01f * (mi / ((float) Math.sqrt(vi) / 0.3f + 1e-8f));
            assertEquals(mi, m[i], 1e-6f);
            assertEquals(vi, v[i], 1e-6f);
            assertEquals(pi, p[i], 1e-5f);
        }
    }

    @Test
    void rowKernelMatchesATimesBTransposed() {
        assumeTrue(VectorSupport.available(), "JVM started without --add-modules jdk.incubator.vector");
        Random r = new Random(6);
        int lanes = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length();
        for (int m : new int[] {1, 3, 4, 7, 64, 67}) {
            for (int n : new int[] {lanes, 2 * lanes, 3 * lanes, 4 * lanes}) {
                for (int k : new int[] {1, 2, 5, 64}) {
                    float[] a = random(r, 3 + m * k), b = random(r, n * k), c = new float[2 + m * n];
                    float[] bt = new float[k * n];
                    for (int j = 0; j < n; j++) {
                        for (int p = 0; p < k; p++) {
                            bt[p * n + j] = b[j * k + p];
                        }
                    }
                    VectorFloatKernels.rowsTimesTransposed(a, 3, bt, m, n, k, c, 2);
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            double expect = 0;
                            for (int p = 0; p < k; p++) {
                                expect += (double) a[3 + i * k + p] * b[j * k + p];
                            }
                            assertEquals(expect, c[2 + i * n + j], 1e-5 * (1 + Math.sqrt(k)),
                                    "m=" + m + " n=" + n + " k=" + k + " at " + i + "," + j);
                        }
                    }
                }
            }
        }
    }
}
