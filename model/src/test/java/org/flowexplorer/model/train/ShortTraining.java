package org.flowexplorer.model.train;

import java.util.SplittableRandom;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.RealNVP;

/** What the blocks' training tests share: isotropic Gaussian data, and a short run scored on held-out points. */
final class ShortTraining {
    private ShortTraining() {
    }

    /** n points of N(0, σ²·I) in 2-D, by Box–Muller (SplittableRandom has no nextGaussian in Java 17). */
    static float[] isotropicGaussian(int n, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (sigma * Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble()));
        }
        return x;
    }

    /** The mean NLL of {@code test} after {@code steps} steps on {@code train}; the config's seed also initialises the flow. */
    static double testNll(Architecture a, TrainingConfig config, int steps, float[] train, float[] test) {
        Trainer t = new Trainer(RealNVP.create(a.toSpec(2), config.seed()), train, config);
        for (int i = 0; i < steps; i++) {
            t.step();
        }
        return t.model().meanNll(test);
    }
}
