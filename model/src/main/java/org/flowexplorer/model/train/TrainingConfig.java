package org.flowexplorer.model.train;

/**
 * Settings of a training run, defaults as in the seed: batch 256, Adam lr 1e-3, gradient norm clipped at 1.0.
 *
 * @param clipNorm maximum total gradient norm; 0 (or less) disables clipping
 * @param seed     seeds the per-epoch shuffles
 */
public record TrainingConfig(int batchSize, double learningRate, double clipNorm, long seed) {
    public static final TrainingConfig DEFAULT = new TrainingConfig(256, 1e-3, 1.0, 0);

    public TrainingConfig {
        validateBatchSize(batchSize);
        validateLearningRate(learningRate);
        if (Double.isNaN(clipNorm)) {
            throw new IllegalArgumentException("clip norm must be a number");
        }
    }

    static void validateBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    static void validateLearningRate(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + lr);
        }
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(b, learningRate, clipNorm, seed);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(batchSize, lr, clipNorm, seed);
    }

    public TrainingConfig withClipNorm(double c) {
        return new TrainingConfig(batchSize, learningRate, c, seed);
    }
}
