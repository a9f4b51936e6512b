package org.flowexplorer.model.nn;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Access to the OpenBLAS that ships with nd4j-native (through JavaCPP), without initialising
 * ND4J itself. Loading it costs a few milliseconds instead of ND4J's seconds.
 */
final class Blas {
    static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    static final int TRANS = openblas_nolapack.CblasTrans;

    private static volatile boolean initialised;

    private Blas() {
    }

    /**
     * Loads the library and pins it to one thread (override with -Dflowexplorer.blasThreads=N):
     * at the matrix sizes of a 2-D flow, extra BLAS threads only add synchronisation cost
     * (measured: 2 threads were never faster on 2-core machines).
     */
    static void init() {
        if (initialised) {
            return;
        }
        synchronized (Blas.class) {
            if (!initialised) {
                int threads = Integer.getInteger("flowexplorer.blasThreads", 1);
                org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(threads);
                initialised = true;
            }
        }
    }

    /**
     * Whether a product is worth copying to native memory for OpenBLAS. Outer products (k = 1) and
     * matrix-vector products (n = 1) stay in Java, whose loops for them vectorise; so do small
     * products whose inner loop is a contiguous axpy. Products that Java could only do as scalar
     * dot-product reductions (A·Bᵀ) go to BLAS already when moderately sized, unless there are
     * only a few outputs per row and SIMD dot products are available.
     *
     * @param simdDots whether the caller's dot products use the Vector API (float32 with the module)
     */
    static boolean worthBlas(boolean transA, boolean transB, int m, int n, int k, boolean simdDots) {
        if (k == 1 || n == 1) {
            return false;
        }
        long work = (long) m * n * k;
        if (transB && !transA) {
            // A few outputs per row (a coupling's last Linear): SIMD dot products beat copying A to BLAS.
            if (n <= 4 && simdDots) {
                return false;
            }
            return work >= 8_192L;
        }
        return Math.min(m, Math.min(n, k)) >= 16 && work >= 65_536L;
    }
}
