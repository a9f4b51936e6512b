package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.flowexplorer.model.Precision;
import org.junit.jupiter.api.Test;

/** ActNorm's data-dependent init, the LU layer's identity start and the rotation's orthogonality, inside flows. */
class FlowBlocksTrainingTest {
    private static float[] data(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[2 * n];
        for (int r = 0; r < n; r++) {
            x[2 * r] = (float) (3 + 2 * rng.nextGaussian());
            x[2 * r + 1] = (float) (-1 + 0.5 * rng.nextGaussian() + 0.3 * x[2 * r]);
        }
        return x;
    }

    @Test
    void actNormInitialisesFromTheFirstTrainingBatchToZeroMeanAndUnitVariance() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 1, new int[] {4}, CouplingType.AFFINE).withNorm(Norm.ACT),
                Precision.FLOAT64, 1);
        ActNorm norm = (ActNorm) flow.blocks().get(0).get(0);
        assertFalse(norm.isInitialised(flow.bufferValues()));
        float[] x = data(256, 2);
        double[] before = flow.parameterValues();
        flow.nllAndGradient(x, null, 0, 256);
        assertTrue(norm.isInitialised(flow.bufferValues()));
        // the coupling is the identity at the start, so the norm saw x itself: its outputs are standardised
        FlowTrace tr = flow.traceForward(x);
        float[] z = tr.positionsAt(1);
        for (int j = 0; j < 2; j++) {
            double mean = 0, sq = 0;
            for (int r = 0; r < 256; r++) {
                mean += z[2 * r + j] / 256.0;
            }
            for (int r = 0; r < 256; r++) {
                sq += Math.pow(z[2 * r + j] - mean, 2) / 256.0;
            }
            assertEquals(0, mean, 1e-5, "mean of coordinate " + j);
            assertEquals(1, sq, 1e-4, "variance of coordinate " + j);
        }
        double[] p = flow.parameterValues();
        int off = norm.parameterOffset();
        assertEquals(p[off] + p[off + 1], tr.normLogDet(0)[0], 1e-5, "log|det| = Σ log_scale");
        // a second batch trains the parameters, it does not initialise them again
        float[] other = data(256, 3);
        double[] afterInit = flow.parameterValues();
        flow.nllAndGradient(other, null, 0, 256);
        assertArrayEquals(afterInit, flow.parameterValues(), "nllAndGradient alone changes no parameter after the init");
        assertEquals(before.length, p.length);
    }

    @Test
    void anInterruptedFirstPassDoesNotInitialise() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withNorm(Norm.ACT), 1);
        double[] before = flow.parameterValues();
        Thread.currentThread().interrupt();
        try {
            flow.nllAndGradient(data(64, 4), null, 0, 64);
        } catch (java.util.concurrent.CancellationException expected) {
            // the flag stays set
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(before, flow.parameterValues());
        assertFalse(((ActNorm) flow.blocks().get(0).get(0)).isInitialised(flow.bufferValues()));
    }

    @Test
    void luLinearStartsAsTheIdentityAndRotationsAreOrthogonal() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withMixer(Mixer.LU), 1);
        LuLinear lu = (LuLinear) flow.blocks().get(0).get(0);
        assertArrayEquals(new double[] {1, 0, 0, 1}, lu.matrix(flow.parameterValues(), flow.bufferValues()), 0);
        RealNVP rotated = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withMixer(Mixer.ROTATION), 7);
        double[] r0 = ((FixedRotation) rotated.blocks().get(0).get(0)).matrix(rotated.bufferValues());
        double[] r1 = ((FixedRotation) rotated.blocks().get(1).get(0)).matrix(rotated.bufferValues());
        for (double[] r : new double[][] {r0, r1}) {
            assertEquals(1, r[0] * r[0] + r[2] * r[2], 1e-6); // float32 buffers
            assertEquals(0, r[0] * r[1] + r[2] * r[3], 1e-6); // float32 buffers
            assertEquals(1, r[0] * r[3] - r[1] * r[2], 1e-6, "det +1");
        }
        assertTrue(Math.abs(r0[0] - r1[0]) > 1e-6, "each coupling draws its own rotation");
        RealNVP again = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withMixer(Mixer.ROTATION), 7);
        assertArrayEquals(rotated.bufferValues(), again.bufferValues(), "seeded");
        assertArrayEquals(rotated.copy().bufferValues(), rotated.bufferValues());
    }

    @Test
    void theTraceNamesEachSubStep() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withNorm(Norm.ACT)
                .withMixer(Mixer.ROTATION), 3);
        float[] x = data(32, 5);
        flow.nllAndGradient(x, null, 0, 32);
        FlowTrace tr = flow.traceForward(x);
        assertEquals(java.util.List.of("ActNorm", "rotation"), tr.blockNames());
        var steps = tr.subSteps(0);
        assertEquals(java.util.List.of("coupling 1", "ActNorm", "rotation"), java.util.List.copyOf(steps.keySet()));
        assertArrayEquals(tr.positionsAt(1), steps.get("rotation"));
        FlowTrace back = flow.traceInverse(tr.positionsAt(2));
        for (int i = 0; i < x.length; i++) {
            assertEquals(steps.get("ActNorm")[i], back.subSteps(0).get("ActNorm")[i], 1e-4);
            assertEquals(steps.get("coupling 1")[i], back.subSteps(0).get("coupling 1")[i], 1e-4);
        }
    }
}
