package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.flowexplorer.model.energy.Potential;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

/**
 * Reverse KL is mode-seeking, maximum likelihood mass-covering: on a target with two well-separated
 * equal modes, the same flow trained the same number of steps by reverse KL on exp(−U) puts almost
 * all its mass on one mode, and trained by maximum likelihood on samples of that target covers both.
 */
class ReverseKlModeSeekingTest {
    /** Two Gaussians of std 0.5 at (1.5, 0) and (−4.5, 0), equal weights; exp(−U) is their mixture up to a constant. */
    static final String TWO_MODES = "-log(exp(-((x1-1.5)^2+x2^2)/0.5) + exp(-((x1+4.5)^2+x2^2)/0.5))";
    private static final FlowSpec SPEC = FlowSpec.alternating(2, 6, new int[] {32, 32}, CouplingType.AFFINE);
    private static final int STEPS = 1500;
    private static final TrainingConfig CONFIG = new TrainingConfig(256, 2e-3, 1.0, 11);

    @Test
    void reverseKlSettlesOnOneModeWhereMaximumLikelihoodCoversBoth() {
        RealNVP reverse = RealNVP.create(SPEC, 3);
        Trainer rk = Trainer.reverseKl(reverse, Potential.of(TWO_MODES), CONFIG);
        for (int i = 0; i < STEPS; i++) {
            rk.step();
        }
        RealNVP ml = RealNVP.create(SPEC, 3);
        Trainer trainer = new Trainer(ml, targetSamples(4000, 5), CONFIG);
        for (int i = 0; i < STEPS; i++) {
            trainer.step();
        }
        double reverseRight = rightShare(reverse), mlRight = rightShare(ml);
        double reverseMinor = Math.min(reverseRight, 1 - reverseRight), mlMinor = Math.min(mlRight, 1 - mlRight);
        System.out.printf("mass on x1 > −1.5: reverse KL %.4f, maximum likelihood %.4f (loss %.4f)%n", reverseRight, mlRight,
                rk.lastLoss());
        assertTrue(reverseMinor < 0.02, "reverse KL put " + reverseMinor + " of its mass on the smaller mode");
        assertTrue(mlMinor > 0.40, "maximum likelihood put only " + mlMinor + " of its mass on the smaller mode");
    }

    /** Share of 20 000 model samples with x1 > −1.5. */
    private static double rightShare(RealNVP flow) {
        float[] x = flow.samplePoints(20_000, 99);
        int right = 0;
        for (int i = 0; i < 20_000; i++) {
            right += x[2 * i] > -1.5 ? 1 : 0;
        }
        return right / 20_000.0;
    }

    static float[] targetSamples(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (float) ((rng.nextBoolean() ? 1.5 : -4.5) + 0.5 * rng.nextGaussian());
            xy[2 * i + 1] = (float) (0.5 * rng.nextGaussian());
        }
        return xy;
    }
}
