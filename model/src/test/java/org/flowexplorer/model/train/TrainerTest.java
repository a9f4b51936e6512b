package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.model.Precision;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final FlowSpec SMALL = FlowSpec.alternating(2, 4, new int[]{16, 16}, CouplingType.AFFINE);

    private static Trainer trainer(long seed, float[] data) {
        return new Trainer(RealNVP.create(SMALL, seed), data, new TrainingConfig(64, 3e-3, 1.0, seed));
    }

    @Test
    void trainingOnMoonsLowersHeldOutNll() {
        float[] train = ToyDataset.MOONS.generate(1000, 0.1, 1);
        float[] test = ToyDataset.MOONS.generate(1000, 0.1, 2);
        Trainer t = trainer(0, train);
        double before = t.model().meanNll(test);
        for (int i = 0; i < 400; i++) {
            t.step();
        }
        double after = t.model().meanNll(test);
        assertTrue(after < before - 0.4, "NLL " + before + " -> " + after);
        assertEquals(400, t.steps());
    }

    @Test
    void sameSeedGivesBitIdenticalTraining() {
        float[] data = ToyDataset.PINWHEEL.generate(300, 0.3, 5);
        Trainer a = trainer(7, data), b = trainer(7, data);
        for (int i = 0; i < 25; i++) {
            assertEquals(a.step(), b.step());
        }
        assertArrayEquals(a.model().parameterValues(), b.model().parameterValues());
        Trainer c = trainer(8, data);
        c.step();
        assertNotEquals(a.model().parameterValues()[0], c.model().parameterValues()[0]);
    }

    @Test
    void epochsCoverEveryPointOnceIncludingAPartialLastBatch() {
        float[] data = ToyDataset.MOONS.generate(150, 0.1, 3);
        Trainer t = new Trainer(RealNVP.create(SMALL, 0), data, new TrainingConfig(64, 1e-3, 1.0, 0));
        t.step();
        t.step();
        assertEquals(1, t.epoch());
        t.step(); // 22 remaining points
        assertEquals(1, t.epoch());
        t.step();
        assertEquals(2, t.epoch());
    }

    @Test
    void learningRateAndBatchSizeChangeBetweenSteps() {
        float[] data = ToyDataset.MOONS.generate(400, 0.1, 3);
        Trainer a = trainer(1, data), b = trainer(1, data);
        a.step();
        b.step();
        b.setLearningRate(0.0 + 1e-9);
        double[] before = b.model().parameterValues();
        b.step();
        double[] after = b.model().parameterValues();
        double maxMove = 0;
        for (int i = 0; i < before.length; i++) {
            maxMove = Math.max(maxMove, Math.abs(after[i] - before[i]));
        }
        assertTrue(maxMove < 1e-6, "a tiny lr must barely move parameters, moved " + maxMove);
        assertEquals(1e-9, b.config().learningRate());
        b.setBatchSize(10);
        assertEquals(10, b.config().batchSize());
        b.step();
        assertThrows(IllegalArgumentException.class, () -> b.setLearningRate(-1));
        assertThrows(IllegalArgumentException.class, () -> b.setBatchSize(0));
    }

    @Test
    void clippingCoefficientFollowsTorch() {
        assertEquals(1.0, GradientClipping.coefficient(0.5, 1.0));
        assertEquals(1.0 / (4.0 + 1e-6), GradientClipping.coefficient(4.0, 1.0), 1e-15);
        assertEquals(1.0, GradientClipping.coefficient(100.0, 0.0), "clip 0 disables clipping");
    }

    @Test
    void float64ModelsTrainToo() {
        float[] data = ToyDataset.MOONS.generate(500, 0.1, 3);
        RealNVP m = RealNVP.create(SMALL, Precision.FLOAT64, 0);
        Trainer t = new Trainer(m, data, new TrainingConfig(100, 3e-3, 1.0, 0));
        double first = t.step();
        for (int i = 0; i < 100; i++) {
            t.step();
        }
        assertTrue(m.meanNll(data) < first, "float64 training lowers the NLL");
    }

    @Test
    void aGuardedStepThatOverflowsIsUndoneBitForBitAndTrainingGoesOn() {
        float[] data = ToyDataset.MOONS.generate(400, 0.1, 3);
        // 1e39 is a finite double but overflows the float32 update: every parameter becomes non-finite
        Trainer bad = new Trainer(RealNVP.create(SMALL, 1), data, new TrainingConfig(64, 1e39, 1.0, 1));
        double[] before = bad.model().parameterValues();
        StepReport r = bad.guardedStep();
        assertEquals(false, r.finite());
        assertEquals("parameters", r.firstNonFinite());
        assertTrue(r.lossFinite() && r.gradientFinite(), "loss and gradient were computed before the update");
        bad.restoreBeforeLastStep();
        assertArrayEquals(before, bad.model().parameterValues(), "parameters restored bit for bit");
        assertEquals(0, bad.steps(), "Adam's step count restored");
        assertThrows(IllegalStateException.class, bad::restoreBeforeLastStep, "only one undo per step");

        // going on at a sane rate retries the same minibatch from the restored Adam state:
        // exactly what a fresh trainer's first step does
        bad.setLearningRate(3e-3);
        Trainer fresh = new Trainer(RealNVP.create(SMALL, 1), data, new TrainingConfig(64, 3e-3, 1.0, 1));
        StepReport retried = bad.guardedStep();
        assertTrue(retried.finite());
        assertEquals(fresh.step(), retried.loss());
        assertArrayEquals(fresh.model().parameterValues(), bad.model().parameterValues());
        assertEquals(1, bad.steps());
    }

    @Test
    void aNonFiniteLossIsNotAppliedAndIsUndoneWithoutACopy() {
        float[] data = ToyDataset.MOONS.generate(64, 0.1, 3);
        data[7] = Float.NaN; // every minibatch of one epoch holds this point
        Trainer t = new Trainer(RealNVP.create(SMALL, 1), data, new TrainingConfig(64, 1e-3, 1.0, 1));
        double[] before = t.model().parameterValues();
        StepReport r = t.guardedStep();
        assertEquals("loss", r.firstNonFinite());
        assertEquals(1, r.step(), "the step count the step would have had");
        assertEquals(0, t.steps(), "Adam did not step");
        assertArrayEquals(before, t.model().parameterValues(), "nothing was applied");
        t.restoreBeforeLastStep();
        assertArrayEquals(before, t.model().parameterValues());
        assertThrows(IllegalStateException.class, t::restoreBeforeLastStep, "only one undo per step");
    }

    @Test
    void guardedStepsAtCopyFreeRatesTrainBitForBitLikePlainSteps() {
        float[] data = ToyDataset.MOONS.generate(400, 0.1, 3);
        Trainer guarded = new Trainer(RealNVP.create(SMALL, 1), data, new TrainingConfig(64, 3e-3, 1.0, 1));
        Trainer plain = new Trainer(RealNVP.create(SMALL, 1), data, new TrainingConfig(64, 3e-3, 1.0, 1));
        for (int i = 0; i < 20; i++) {
            StepReport r = guarded.guardedStep();
            assertTrue(r.finite());
            assertEquals(plain.step(), r.loss());
            assertEquals(i + 1, r.step());
        }
        assertArrayEquals(plain.model().parameterValues(), guarded.model().parameterValues());
        assertThrows(IllegalStateException.class, guarded::restoreBeforeLastStep,
                "a finite step applied without a copy cannot be undone");
    }

    @Test
    void unguardedStepsCannotBeUndone() {
        Trainer t = trainer(2, ToyDataset.MOONS.generate(200, 0.1, 3));
        assertThrows(IllegalStateException.class, t::restoreBeforeLastStep);
        t.setLearningRate(1e39); // a copied step
        t.guardedStep();
        t.step();
        assertThrows(IllegalStateException.class, t::restoreBeforeLastStep, "the copy is from before an older step");
    }
}
