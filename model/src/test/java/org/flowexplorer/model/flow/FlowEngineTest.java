package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Chunked whole-array evaluation, the interruptible training pass and named trace terms. */
class FlowEngineTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** A wide flow far from the identity. */
    private static RealNVP randomFlow(Precision precision, CouplingType type) {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 4, new int[] {64, 64}, type), precision, 3);
        double[] p = flow.parameterValues();
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (rng.nextGaussian() * 0.15);
        }
        flow.setParameters(p);
        return flow;
    }

    private static float[] points(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() * 1.5);
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void chunkedEvaluationsEqualOneChunk(Precision precision) {
        RealNVP flow = randomFlow(precision, CouplingType.AFFINE);
        int n = 2500;
        float[] x = points(n, 5);
        // float64 products go to OpenBLAS, whose rounding may depend on the number of rows (1 ulp);
        // float32 evaluations take the same kernels for every chunk of ≥ 64 rows and agree exactly.
        double tol = precision == Precision.FLOAT32 ? 0 : 1e-13;
        // Backward products go to OpenBLAS in both precisions (float32: 1 ulp, depending on the rows),
        // and a parameter gradient is a sum over all rows whose order chunking changes; in float32
        // that sum alone carries ~1e-6 relative round-off.
        double gradTol = precision == Precision.FLOAT32 ? 1e-5 : 1e-12;
        check(FlowEngine.create(flow.parameterStore(), flow.layers(), n), FlowEngine.create(flow.parameterStore(), flow.layers(), 1000),
                x, n, tol, gradTol);
    }

    private static void close(double[] expected, double[] actual, double tol, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol * (1 + Math.abs(expected[i])), what + " [" + i + "]");
        }
    }

    private static void close(float[] expected, float[] actual, double tol, String what) {
        close(toDoubles(expected), toDoubles(actual), tol, what);
    }

    private static void close(INDArray expected, INDArray actual, double tol, String what) {
        close(expected.toDoubleVector(), actual.toDoubleVector(), tol, what);
    }

    private static double[] toDoubles(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    private static <A, B> void check(FlowEngine<A> whole, FlowEngine<B> chunked, float[] x, int n, double tol, double gradTol) {
        close(whole.logProb(x, n), chunked.logProb(x, n), tol, "log p");
        for (boolean inverse : new boolean[] {false, true}) {
            TransformResult a = inverse ? whole.inverse(matrix(x, n)) : whole.forward(matrix(x, n));
            TransformResult b = inverse ? chunked.inverse(matrix(x, n)) : chunked.forward(matrix(x, n));
            close(a.outputs().reshape(-1), b.outputs().reshape(-1), tol, "outputs, inverse=" + inverse);
            close(a.logAbsDet(), b.logAbsDet(), tol, "log|det|, inverse=" + inverse);
            FlowTrace ta = whole.trace(whole.nm.fromFloats(x), n, inverse), tb = chunked.trace(chunked.nm.fromFloats(x), n, inverse);
            for (int l = 0; l <= ta.layers(); l++) {
                close(ta.positions()[l], tb.positions()[l], tol, "positions " + l);
            }
            for (int l = 0; l < ta.layers(); l++) {
                close(ta.logDets()[l], tb.logDets()[l], tol, "log|det| " + l);
                for (String term : ta.termNames(l)) {
                    close(ta.term(l, term), tb.term(l, term), tol, term + " " + l);
                }
            }
        }
        INDArray dy = matrix(points(n, 6), n), dl = Nd4j.createFromArray(points(n / 2, 7));
        VectorJacobianProduct ga = whole.vjp(matrix(x, n), dy, dl), gb = chunked.vjp(matrix(x, n), dy, dl);
        close(ga.inputGradient().reshape(-1), gb.inputGradient().reshape(-1), gradTol, "dL/dx");
        double scale = 1 + ga.parameterGradient().amaxNumber().doubleValue();
        double err = ga.parameterGradient().sub(gb.parameterGradient()).amaxNumber().doubleValue();
        assertTrue(err <= gradTol * scale, "dL/dθ off by " + err + " at scale " + scale);
        assertTrue(chunked.cachedBatchSizes().stream().allMatch(rows -> rows <= 1000), chunked.cachedBatchSizes().toString());
    }

    private static INDArray matrix(float[] x, int n) {
        return Nd4j.createFromArray(x).reshape('c', n, x.length / n);
    }

    @Test
    void anInterruptedTrainingStepThrowsBeforeAnyParameterChanges() {
        RealNVP flow = randomFlow(Precision.FLOAT32, CouplingType.AFFINE);
        float[] data = points(512, 8);
        Trainer trainer = new Trainer(flow, data, new TrainingConfig(128, 1e-3, 1.0, 9));
        double[] before = flow.parameterValues();
        Thread.currentThread().interrupt();
        assertThrows(CancellationException.class, trainer::step);
        assertThrows(CancellationException.class, () -> flow.nllAndGradient(data, null, 0, 128));
        assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set for the caller's loop");
        assertArrayEquals(before, flow.parameterValues());
        Thread.interrupted();
        RealNVP copy = flow.copy();
        assertEquals(copy.nllAndGradient(data, null, 0, 128), flow.nllAndGradient(data, null, 0, 128), "runs normally once cleared");
    }

    @Test
    void evaluationIsNotInterruptible() {
        RealNVP flow = randomFlow(Precision.FLOAT32, CouplingType.AFFINE);
        float[] x = points(100, 10);
        float[] expected = flow.logProb(x);
        Thread.currentThread().interrupt();
        assertArrayEquals(expected, flow.logProb(x));
    }

    @Test
    void tracesNameEachCouplingsTerms() {
        float[] x = points(10, 11);
        FlowTrace affine = randomFlow(Precision.FLOAT32, CouplingType.AFFINE).traceForward(x);
        FlowTrace additive = randomFlow(Precision.FLOAT32, CouplingType.ADDITIVE).traceForward(x);
        assertEquals(List.of(FlowTrace.LOG_SCALE, FlowTrace.SHIFT), List.copyOf(affine.termNames(0)));
        assertEquals(List.of(FlowTrace.SHIFT), List.copyOf(additive.termNames(0)));
        assertEquals(null, additive.term(0, FlowTrace.LOG_SCALE));
        assertArrayEquals(new float[10], additive.scales()[2], "no log-scale: scale 1");
        assertArrayEquals(additive.term(1, FlowTrace.SHIFT), additive.shifts()[1]);
        for (int l = 0; l < affine.layers(); l++) {
            double sum = 0;
            for (float s : affine.term(l, FlowTrace.LOG_SCALE)) {
                sum += s;
            }
            double ld = 0;
            for (float v : affine.logDets()[l]) {
                ld += v;
            }
            assertEquals(ld, sum, 1e-4, "log|det| = Σ log-scale, layer " + l);
        }
    }
}
