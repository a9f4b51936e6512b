package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

class TrainerClippingTest {
    private static final FlowSpec SMALL = FlowSpec.alternating(2, 4, new int[]{16, 16}, CouplingType.AFFINE);
    private static final float[] DATA = ToyDataset.MOONS.generate(400, 0.1, 1);

    private static Trainer trainer(double clip) {
        return new Trainer(RealNVP.create(SMALL, 3), DATA, new TrainingConfig(64, 1e-3, clip, 3));
    }

    @Test
    void aTinyClipClipsEveryStepAndAHugeOneNone() {
        Trainer tight = trainer(1e-6), loose = trainer(1e9);
        for (int i = 0; i < 30; i++) {
            tight.step();
            loose.step();
        }
        ClippingReport t = tight.clipping(), l = loose.clipping();
        assertEquals(1.0, t.clippedShare());
        assertEquals(0.0, l.clippedShare());
        assertEquals(30, t.recentSteps());
        assertTrue(t.gradientNorm() > 1e-6 && Double.isFinite(t.gradientNorm()), "norm before clipping " + t.gradientNorm());
        assertEquals(1e-6, t.clipNorm());
    }

    @Test
    void theShareCoversTheLastWindowOfStepsAndForgetsAnUndoneOne() {
        Trainer t = trainer(1e-6);
        assertTrue(Double.isNaN(t.clipping().clippedShare()));
        for (int i = 0; i < Trainer.CLIP_WINDOW + 20; i++) {
            t.step();
        }
        assertEquals(Trainer.CLIP_WINDOW, t.clipping().recentSteps());
        t.setLearningRate(1e39); // overflows the update: a step to undo (copied)
        t.guardedStep();
        t.restoreBeforeLastStep();
        assertEquals(Trainer.CLIP_WINDOW - 1, t.clipping().recentSteps());
        assertEquals(1.0, t.clipping().clippedShare());
    }

    @Test
    void clippingOffIsNeverClipped() {
        Trainer off = trainer(0);
        off.step();
        assertEquals(0.0, off.clipping().clippedShare());
        assertTrue(!off.clipping().clippingOn());
    }
}
