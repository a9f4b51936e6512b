package org.flowexplorer.model.train;

import java.util.SplittableRandom;
import org.flowexplorer.model.flow.Energy;
import org.flowexplorer.model.flow.RealNVP;

/**
 * Reverse-KL fitting of a flow to an unnormalised density exp(−U) — the other way flows are trained
 * (Rezende &amp; Mohamed 2015), when there are no samples but U can be evaluated. Each step draws a
 * fresh seeded batch z ~ N(0, I), pushes it through the inverse, x = f⁻¹(z), and takes an Adam step
 * (with the same gradient clipping as {@link Trainer}) on
 *
 * <pre>  L = mean(log q(x) + U(x)) = KL(q ‖ p*) − log Z + Monte-Carlo error,   log q(x) = log N(z) − log|det ∂f⁻¹/∂z|</pre>
 *
 * Because L is an expectation under q, mass q puts where p* is small costs a lot, and mass q never
 * puts on a mode costs nothing: reverse KL is mode-seeking, unlike maximum likelihood.
 *
 * <p>Not thread-safe: the trainer and its model belong to one thread.
 */
public final class ReverseKlTrainer {
    private final RealNVP model;
    private final Energy energy;
    private final Adam<?> adam;
    private final SplittableRandom rng;
    private TrainingConfig config;
    private long steps;
    private double lastLoss = Double.NaN;
    private double lastGradNorm = Double.NaN;

    /**
     * @throws IllegalArgumentException for a flow with batch normalisation, or a model that is not 2-D
     *                                  when the energy is a 2-D potential
     */
    public ReverseKlTrainer(RealNVP model, Energy energy, TrainingConfig config) {
        if (model.spec().batchNorm()) {
            throw new IllegalArgumentException("reverse-KL fitting does not support batch normalisation");
        }
        this.model = model;
        this.energy = java.util.Objects.requireNonNull(energy, "energy");
        this.config = config;
        this.adam = new Adam<>(model.parameterStore());
        this.rng = new SplittableRandom(config.seed());
    }

    /** One step on a fresh batch of {@link TrainingConfig#batchSize()} base draws; returns the loss before the update. */
    public double step() {
        float[] z = new float[config.batchSize() * model.dim()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) rng.nextGaussian();
        }
        double loss = model.reverseKlAndGradient(z, energy);
        double norm = GradientClipping.totalNorm(model.parameterStore());
        adam.step(config.learningRate(), GradientClipping.coefficient(norm, config.clipNorm()));
        steps++;
        lastLoss = loss;
        lastGradNorm = norm;
        return loss;
    }

    public RealNVP model() {
        return model;
    }

    public Energy energy() {
        return energy;
    }

    public TrainingConfig config() {
        return config;
    }

    public void setLearningRate(double lr) {
        config = config.withLearningRate(lr);
    }

    public void setBatchSize(int batchSize) {
        config = config.withBatchSize(batchSize);
    }

    public long steps() {
        return steps;
    }

    /** The loss of the last step (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }

    public double lastGradientNorm() {
        return lastGradNorm;
    }
}
