package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A training step on 2 and 3 threads (the batch's rows in slices, gradients summed in slice order)
 * against the one-thread step, for every coupling, norm, mixer and base: the same loss and gradient
 * up to float32 rounding of sums taken in another order, bit-identical results for a fixed thread
 * count, and Adam runs that stay together.
 */
class DataParallelTrainingTest {
    private static final int ROWS = 256;
    /** Steps on one thread before comparing, so that no layer is still the identity (last Linear zero). */
    private static final int WARM_STEPS = 6;

    static Stream<Arguments> flows() {
        FlowSpec affine = FlowSpec.alternating(2, 4, new int[] {32, 32}, CouplingType.AFFINE);
        return Stream.of(
                Arguments.of("affine", affine),
                Arguments.of("additive", FlowSpec.alternating(2, 4, new int[] {32, 32}, CouplingType.ADDITIVE)),
                Arguments.of("spline", FlowSpec.alternating(2, 2, new int[] {16}, CouplingType.SPLINE)),
                Arguments.of("batch norm", affine.withNorm(Norm.BATCH)),
                Arguments.of("ActNorm + LU", affine.withNorm(Norm.ACT).withMixer(Mixer.LU)),
                Arguments.of("rotation", affine.withMixer(Mixer.ROTATION)),
                Arguments.of("mixture base", affine.withBase(BaseDistribution.parse("mixture:3"))));
    }

    private static float[] data(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[2 * n];
        for (int r = 0; r < n; r++) {
            double a = rng.nextDouble() * Math.PI;
            x[2 * r] = (float) (Math.cos(a) + 0.1 * rng.nextGaussian());
            x[2 * r + 1] = (float) (Math.sin(a) + 0.1 * rng.nextGaussian());
        }
        return x;
    }

    /** A model after {@link #WARM_STEPS} one-thread steps (identical for identical arguments). */
    private static RealNVP warmed(FlowSpec spec) {
        RealNVP model = RealNVP.create(spec, 7);
        Trainer t = new Trainer(model, data(1024, 1), new TrainingConfig(ROWS, 1e-2, 1.0, 3));
        for (int i = 0; i < WARM_STEPS; i++) {
            t.step();
        }
        return model;
    }

    private static float[] gradients(RealNVP model) {
        return ((float[]) model.parameterStore().gradients()).clone();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void oneStepOnTwoAndThreeThreadsEqualsTheOneThreadStepToFloatRounding(String name, FlowSpec spec) {
        float[] x = data(ROWS, 11);
        RealNVP one = warmed(spec);
        double loss1 = one.nllAndGradient(x, null, 0, ROWS, 1);
        float[] g1 = gradients(one);
        double scale = 0;
        for (float g : g1) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertTrue(scale > 0, name + ": a warmed model has a gradient");
        for (int threads : new int[] {2, 3}) {
            RealNVP many = warmed(spec);
            double loss = many.nllAndGradient(x, null, 0, ROWS, threads);
            float[] g = gradients(many);
            assertEquals(loss1, loss, 1e-5 * Math.max(1, Math.abs(loss1)), name + ": loss on " + threads + " threads");
            for (int i = 0; i < g.length; i++) {
                // float32 sums over 256 rows taken in another order: a few ulps of the largest gradient
                assertEquals(g1[i], g[i], 2e-5 * scale, name + ": gradient " + i + " on " + threads + " threads");
            }
            assertArrayEquals(one.bufferValues(), many.bufferValues(), 1e-6, name + ": buffers (running statistics, init)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void aFixedThreadCountGivesBitIdenticalSteps(String name, FlowSpec spec) {
        float[] x = data(ROWS, 12);
        RealNVP a = warmed(spec), b = warmed(spec);
        assertEquals(a.nllAndGradient(x, null, 0, ROWS, 3), b.nllAndGradient(x, null, 0, ROWS, 3), 0.0, name);
        assertArrayEquals(gradients(a), gradients(b), name);
    }

    /**
     * Many repeats of one split step must all give the first one's loss and gradients bit for bit:
     * a block that keeps scratch state shared by the slices' threads (the mixture base's row of
     * log-terms did) gives a different sum now and then.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void repeatedSplitStepsNeverRace(String name, FlowSpec spec) {
        float[] x = data(2048, 13);
        RealNVP model = warmed(spec);
        double loss = model.nllAndGradient(x, null, 0, 2048, 2);
        float[] grads = gradients(model);
        for (int i = 0; i < 40; i++) {
            assertEquals(loss, model.nllAndGradient(x, null, 0, 2048, 2), 0.0, name + ": loss, repeat " + i);
            assertArrayEquals(grads, gradients(model), name + ": gradients, repeat " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void adamStepsOnTwoThreadsStayCloseToOneThread(String name, FlowSpec spec) {
        float[] train = data(2048, 5);
        RealNVP one = RealNVP.create(spec, 9), two = RealNVP.create(spec, 9);
        Trainer t1 = new Trainer(one, train, new TrainingConfig(ROWS, 1e-3, 1.0, 4, 1));
        Trainer t2 = new Trainer(two, train, new TrainingConfig(ROWS, 1e-3, 1.0, 4, 2));
        for (int i = 0; i < 10; i++) {
            double l1 = t1.step(), l2 = t2.step();
            assertEquals(l1, l2, 1e-4 * Math.max(1, Math.abs(l1)), name + ": loss at step " + i);
        }
        double[] p1 = one.parameterValues(), p2 = two.parameterValues();
        for (int i = 0; i < p1.length; i++) {
            // Adam divides by √v: a rounding-level gradient difference moves a parameter by at most ~lr·ε-scale amounts
            assertEquals(p1[i], p2[i], 1e-4 * Math.max(1, Math.abs(p1[i])), name + ": parameter " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void anInterruptedSplitStepThrowsAndChangesNothing(String name, FlowSpec spec) {
        RealNVP model = warmed(spec);
        double[] params = model.parameterValues(), buffers = model.bufferValues();
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> model.nllAndGradient(data(ROWS, 2), null, 0, ROWS, 2), name);
            assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set");
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(params, model.parameterValues(), 0.0, name);
        assertArrayEquals(buffers, model.bufferValues(), 0.0, name);
    }

    @org.junit.jupiter.api.Test
    void slicesKeepAtLeastThirtyTwoRowsAndWholeBatchBlocksStayOnOneThread() {
        RealNVP affine = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE), 1);
        TrainingPass<?> pass = affine.engine().trainingPass();
        assertEquals(1, pass.slices(63, 4));
        assertEquals(2, pass.slices(64, 4));
        assertEquals(4, pass.slices(256, 4));
        assertEquals(3, pass.slices(256, 3));
        RealNVP norm = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE).withNorm(Norm.BATCH), 1);
        assertEquals(1, norm.engine().trainingPass().slices(256, 4));
        assertEquals(85, TrainingPass.sliceStart(256, 3, 1));
        assertEquals(256, TrainingPass.sliceStart(256, 3, 3));
    }
}
