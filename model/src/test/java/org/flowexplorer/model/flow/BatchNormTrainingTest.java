package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.junit.jupiter.api.Test;

/**
 * Batch normalisation in training mode (the batch's statistics), which the transform contract
 * test cannot reach (it checks the evaluation mode): the exact backward pass through the batch
 * mean and variance against central finite differences in float64, the running statistics'
 * update as torch.nn.BatchNorm1d does it, and the training pass's promises (an interrupted step
 * changes nothing; a single-row batch is normalised with the running statistics).
 */
class BatchNormTrainingTest {
    private static final double H = 1e-6;

    private static TransformContractTest.Case flowCase(CouplingType coupling) {
        return new TransformContractTest.Case("flow with norms", p -> TransformContractTest.withRunningStatistics(
                RealNVP.create(FlowSpec.alternating(2, 3, new int[] {10, 10}, coupling).withBatchNorm(true), p, 3), 4));
    }

    private static float[] data(int rows, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[rows * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() * 1.3 + (i % 2 == 0 ? 0.5 : -0.7));
        }
        return x;
    }

    /** The training-mode loss at the current parameters, running statistics put back afterwards. */
    private static double trainingLoss(RealNVP flow, float[] x, int rows) {
        double[] buffers = flow.bufferValues();
        double loss = flow.nllAndGradient(x, null, 0, rows);
        flow.setBufferValues(buffers);
        return loss;
    }

    @Test
    void trainingGradientMatchesFiniteDifferences() {
        for (CouplingType coupling : CouplingType.values()) {
            RealNVP flow = (RealNVP) TransformContractTest.randomised(flowCase(coupling), Precision.FLOAT64, 5);
            int rows = 24;
            float[] x = data(rows, 6);
            double[] before = flow.bufferValues();
            flow.nllAndGradient(x, null, 0, rows);
            double[] grad = gradients(flow.parameterStore());
            flow.setBufferValues(before);
            double[] theta = flow.parameterValues();
            int zero = 0, checked = 0;
            Random pick = new Random(7);
            for (int c = 0; c < 80; c++) {
                // every norm parameter, and a sample of the couplings'
                int normStart = flow.norms().get(0).parameterOffset();
                int i = c < theta.length - normStart ? normStart + c : pick.nextInt(normStart);
                double numeric = centralDifference(theta, i, t -> {
                    flow.setParameters(t);
                    return trainingLoss(flow, x, rows);
                });
                assertEquals(numeric, grad[i], 1e-6 * (1 + Math.abs(numeric)), coupling.id() + ": dL/dθ[" + i + "]");
                zero += grad[i] == 0 ? 1 : 0;
                checked++;
            }
            flow.setParameters(theta);
            assertTrue(zero < checked / 2, zero + " of " + checked + " gradients are zero");
        }
    }

    private static <A> double[] gradients(org.flowexplorer.model.nn.ParameterStore<A> store) {
        return store.numerics().toDoubles(store.gradients(), 0, store.size());
    }

    @Test
    void inputGradientThroughBatchStatisticsMatchesFiniteDifferences() {
        Numerics<double[]> nm = Numerics.float64();
        int dim = 3, rows = 7;
        Random rng = new Random(8);
        double[] params = new double[2 * dim], buffers = BatchNorm.initialBuffers(nm, 1, dim), x = new double[rows * dim];
        double[] a = new double[rows * dim], b = new double[rows];
        for (int k = 0; k < params.length; k++) {
            params[k] = rng.nextGaussian() * 0.5;
        }
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian() * 2 + k % dim;
            a[k] = rng.nextGaussian();
        }
        for (int r = 0; r < rows; r++) {
            b[r] = rng.nextGaussian();
        }
        BatchNorm norm = new BatchNorm(dim, null, 0, 0);
        BatchNorm.Workspace<double[]> w = new BatchNorm.Workspace<>(nm, rows, dim);
        double[] y = x.clone(), ld = new double[rows];
        norm.forward(nm, params, buffers, y, ld, rows, w, true);
        double[] dy = a.clone(), grads = new double[2 * dim];
        norm.backward(nm, params, grads, dy, b, rows, w);
        for (int i = 0; i < x.length; i++) {
            double numeric = centralDifference(x, i, xs -> objective(norm, params, buffers, xs, a, b));
            assertEquals(numeric, dy[i], 1e-7 * (1 + Math.abs(numeric)), "dL/dx[" + i + "]");
        }
        for (int k = 0; k < params.length; k++) {
            double numeric = centralDifference(params, k, ps -> objective(norm, ps, buffers, x, a, b));
            assertEquals(numeric, grads[k], 1e-7 * (1 + Math.abs(numeric)), "dL/dθ[" + k + "]");
        }
    }

    /** (f(v + h·e_i) − f(v − h·e_i)) / 2h. */
    private static double centralDifference(double[] v, int i, java.util.function.ToDoubleFunction<double[]> f) {
        double[] plus = v.clone(), minus = v.clone();
        plus[i] += H;
        minus[i] -= H;
        return (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * H);
    }

    /** L = Σ a ⊙ y + Σ b ⊙ log|det| of the training-mode norm. */
    private static double objective(BatchNorm norm, double[] params, double[] buffers, double[] x, double[] a, double[] b) {
        Numerics<double[]> nm = Numerics.float64();
        int rows = b.length;
        double[] y = x.clone(), ld = new double[rows];
        norm.forward(nm, params, buffers, y, ld, rows, new BatchNorm.Workspace<>(nm, rows, norm.dim()), true);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += a[i] * y[i];
        }
        for (int r = 0; r < rows; r++) {
            sum += b[r] * ld[r];
        }
        return sum;
    }

    @Test
    void runningStatisticsFollowBatchNorm1d() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 1, new int[] {4}, CouplingType.AFFINE).withBatchNorm(true),
                Precision.FLOAT64, 1);
        // at initialisation the coupling is the identity, so the norm sees the data itself
        float[] x = data(10, 9);
        double[] start = {0.3, -0.2, 1.5, 0.8};
        flow.setBufferValues(start);
        flow.nllAndGradient(x, null, 0, 10);
        double[] after = flow.bufferValues();
        for (int j = 0; j < 2; j++) {
            double mean = 0, sq = 0;
            for (int r = 0; r < 10; r++) {
                mean += x[r * 2 + j] / 10.0;
            }
            for (int r = 0; r < 10; r++) {
                sq += (x[r * 2 + j] - mean) * (x[r * 2 + j] - mean);
            }
            assertEquals(0.9 * start[j] + 0.1 * mean, after[j], 1e-12, "running mean " + j);
            assertEquals(0.9 * start[2 + j] + 0.1 * sq / 9, after[2 + j], 1e-12, "running var " + j + " (unbiased)");
        }
        // evaluation leaves them alone
        flow.logProb(x);
        flow.traceForward(x);
        flow.samplePoints(5, 1);
        assertArrayEquals(after, flow.bufferValues());
    }

    @Test
    void evaluationUsesTheRunningStatistics() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 1, new int[] {4}, CouplingType.AFFINE).withBatchNorm(true),
                Precision.FLOAT64, 1);
        flow.setBufferValues(new double[] {1.0, -2.0, 4.0, 0.25});
        float[] z = flow.forward(new float[] {1f, -2f, 3f, -1.5f}, null);
        // identity coupling, log_gamma = beta = 0: z = (x − mean)/√(var + ε)
        assertEquals(0.0, z[0], 1e-7);
        assertEquals(0.0, z[1], 1e-7);
        assertEquals(2.0 / Math.sqrt(4 + 1e-5), z[2], 1e-6);
        assertEquals(0.5 / Math.sqrt(0.25 + 1e-5), z[3], 1e-6);
        FlowTrace trace = flow.traceForward(new float[] {1f, -2f});
        assertTrue(trace.hasNorms());
        assertEquals(-0.5 * (Math.log(4 + 1e-5) + Math.log(0.25 + 1e-5)), trace.normLogDet(0)[0], 1e-6);
        assertEquals(0.0, trace.couplingLogDet(0)[0], 1e-6);
        assertArrayEquals(new float[] {1f, -2f}, trace.beforeNormAt(0));
        BatchNorm.Walk walk = flow.norms().get(0).walk(flow.parameterValues(), flow.bufferValues(), new double[] {1, -2}, false);
        assertArrayEquals(new double[] {1.0, -2.0}, walk.mean());
        assertArrayEquals(new double[] {0, 0}, walk.output(), 1e-12);
        assertEquals(trace.normLogDet(0)[0], walk.logDet(), 1e-6);
        BatchNorm.Walk back = flow.norms().get(0).walk(flow.parameterValues(), flow.bufferValues(), new double[] {2, 1}, true);
        assertArrayEquals(new double[] {1 + 2 * Math.sqrt(4 + 1e-5), -2 + Math.sqrt(0.25 + 1e-5)}, back.output(), 1e-12);
        assertArrayEquals(new double[] {2, 1}, back.normalised(), 1e-12);
        assertEquals(-walk.logDet(), back.logDet(), 1e-12);
    }

    @Test
    void interruptedTrainingStepKeepsTheRunningStatistics() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withBatchNorm(true), 1);
        double[] before = flow.bufferValues();
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> flow.nllAndGradient(data(8, 1), null, 0, 8));
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(before, flow.bufferValues());
    }

    @Test
    void singleRowBatchUsesTheRunningStatistics() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE).withBatchNorm(true),
                Precision.FLOAT64, 1);
        double[] before = flow.bufferValues();
        float[] x = data(1, 2);
        double loss = flow.nllAndGradient(x, null, 0, 1);
        assertEquals(-flow.logProb(x)[0], loss, 1e-6);
        assertArrayEquals(before, flow.bufferValues());
        assertEquals(List.of(), RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE), 1).norms());
    }
}
