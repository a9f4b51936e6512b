package org.flowexplorer.app.preset;

import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.Trainer;
import org.flowexplorer.model.train.TrainingConfig;

/**
 * A short headless training run of a preset (or a variant of it), measured as the app would:
 * the training-minibatch loss per step and the mean NLL of a held-out sample from the same data
 * set (different seed) before and after.
 */
record PresetRun(RealNVP model, float[] test, double initialTestNll, double finalTestNll, double initialLoss,
        double maxLossEarly, int nonFiniteLosses) {

    static final int TEST_POINTS = 2000;

    static PresetRun of(Preset p, int steps) {
        return of(p, p.architecture(), p.training(), steps);
    }

    /** Trains {@code p}'s data with another architecture or training config. */
    static PresetRun of(Preset p, Architecture architecture, TrainingConfig training, int steps) {
        float[] data = p.generateData();
        float[] test = p.sample(TEST_POINTS, p.dataSeed() + 1000);
        RealNVP model = RealNVP.create(architecture.toSpec(2), training.seed());
        double initialTest = model.meanNll(test);
        Trainer trainer = new Trainer(model, data, training);
        double initialLoss = Double.NaN;
        double maxEarly = Double.NEGATIVE_INFINITY;
        int nonFinite = 0;
        for (int s = 1; s <= steps; s++) {
            double loss = trainer.step();
            if (s == 1) {
                initialLoss = loss;
            }
            if (!Double.isFinite(loss)) {
                nonFinite++;
            } else if (s <= 200) {
                maxEarly = Math.max(maxEarly, loss);
            }
        }
        return new PresetRun(model, test, initialTest, model.meanNll(test), initialLoss, maxEarly, nonFinite);
    }

    String describe(String label) {
        return String.format(java.util.Locale.ROOT, "%-28s test NLL %.3f -> %.3f, first loss %.3f, max loss in steps 1-200 %.3f, non-finite %d",
                label, initialTestNll, finalTestNll, initialLoss, maxLossEarly, nonFiniteLosses);
    }
}
