package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

/**
 * The spline coupling's effect: on the checkerboard (sharp-edged squares, a hard case for
 * affine couplings, whose per-coordinate map is a straight line) a spline flow reaches a lower
 * held-out NLL than an affine one of the same depth and width after the same number of steps:
 * measured 3.943 (affine) and 3.693 (spline) nats after 500 steps, H(p) = ln 32 = 3.466.
 */
class SplineTrainingTest {
    private static final int STEPS = 500;

    private static double trainedNll(CouplingType coupling, float[] train, float[] test) {
        Trainer t = new Trainer(RealNVP.create(FlowSpec.alternating(2, 4, new int[]{32, 32}, coupling), 3), train,
                new TrainingConfig(128, 5e-3, 1.0, 3));
        for (int i = 0; i < STEPS; i++) {
            t.step();
        }
        return t.model().meanNll(test);
    }

    @Test
    void splineBeatsAffineOnTheCheckerboardAtEqualSteps() {
        float[] train = ToyDataset.CHECKERBOARD.generate(2000, 0.0, 1);
        float[] test = ToyDataset.CHECKERBOARD.generate(2000, 0.0, 2);
        double affine = trainedNll(CouplingType.AFFINE, train, test);
        double spline = trainedNll(CouplingType.SPLINE, train, test);
        String figures = String.format(Locale.ROOT, "held-out NLL after %d steps: affine %.3f, spline %.3f (H(p) = ln 32 = %.3f)",
                STEPS, affine, spline, Math.log(32));
        System.out.println(figures);
        assertTrue(spline < affine - 0.1, figures);
    }
}
