package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

/** The trainer with batch-normalised flows: the running statistics are part of the state a guarded step can undo. */
class TrainerBatchNormTest {
    private static final FlowSpec SPEC = FlowSpec.alternating(2, 4, new int[] {16, 16}, CouplingType.AFFINE).withBatchNorm(true);

    private static float[] data(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        float[] x = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) (3 + 0.5 * rng.nextGaussian());
            x[2 * i + 1] = (float) (-2 + 2 * rng.nextGaussian());
        }
        return x;
    }

    @Test
    void undoingAGuardedStepRestoresTheRunningStatistics() {
        Trainer trainer = new Trainer(RealNVP.create(SPEC, 1), data(500), new TrainingConfig(100, 1e-2, 1.0, 1));
        trainer.step();
        double[] before = trainer.model().bufferValues();
        trainer.setLearningRate(1e39); // overflows the update: a step to undo (copied)
        StepReport r = trainer.guardedStep();
        assertFalse(r.parametersFinite());
        assertFalse(Arrays.equals(before, trainer.model().bufferValues()), "a training step moves the running statistics");
        trainer.restoreBeforeLastStep();
        assertArrayEquals(before, trainer.model().bufferValues(), "restored bit for bit");
    }

    @Test
    void undoingANonFiniteLossRestoresTheRunningStatisticsWithoutACopy() {
        float[] x = data(100);
        x[5] = Float.NaN; // the one minibatch of an epoch holds it: loss and running statistics NaN
        Trainer trainer = new Trainer(RealNVP.create(SPEC, 1), x, new TrainingConfig(100, 1e-2, 1.0, 1));
        double[] before = trainer.model().bufferValues();
        double[] params = trainer.model().parameterValues();
        StepReport r = trainer.guardedStep();
        assertEquals("loss", r.firstNonFinite());
        assertFalse(Arrays.equals(before, trainer.model().bufferValues()), "the forward pass moved the running statistics");
        trainer.restoreBeforeLastStep();
        assertArrayEquals(before, trainer.model().bufferValues(), "restored bit for bit");
        assertArrayEquals(params, trainer.model().parameterValues(), "no update was applied");
    }

    @Test
    void trainingLowersTheEvaluationNllAndTheStatisticsApproachTheData() {
        float[] x = data(2000);
        RealNVP model = RealNVP.create(SPEC, 2);
        double start = model.meanNll(x);
        Trainer trainer = new Trainer(model, x, new TrainingConfig(256, 5e-3, 1.0, 2));
        for (int i = 0; i < 200; i++) {
            trainer.step();
        }
        double end = model.meanNll(x);
        assertTrue(end < start - 1.0, "evaluation-mode NLL " + start + " -> " + end);
        assertTrue(Arrays.stream(model.bufferValues()).allMatch(Double::isFinite));
    }
}
