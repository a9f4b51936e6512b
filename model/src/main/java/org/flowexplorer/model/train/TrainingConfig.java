package org.flowexplorer.model.train;

/**
 * Settings of a training run, defaults as in the seed: batch 256, Adam lr 1e-3, gradient norm clipped
 * at 1.0, one thread.
 *
 * @param clipNorm maximum total gradient norm; 0 (or less) disables clipping
 * @param seed     seeds the per-epoch shuffles
 * @param threads  threads for each step's forward and backward pass (data-parallel over the batch's
 *                 rows, see {@link org.flowexplorer.model.flow.RealNVP#nllAndGradient(float[], int[], int, int, int)});
 *                 1 is the seed's single-threaded step, bit for bit
 */
public record TrainingConfig(int batchSize, double learningRate, double clipNorm, long seed, int threads) {
    public static final TrainingConfig DEFAULT = new TrainingConfig(256, 1e-3, 1.0, 0);

    /** One thread. */
    public TrainingConfig(int batchSize, double learningRate, double clipNorm, long seed) {
        this(batchSize, learningRate, clipNorm, seed, 1);
    }

    public TrainingConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
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
        return new TrainingConfig(b, learningRate, clipNorm, seed, threads);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(batchSize, lr, clipNorm, seed, threads);
    }

    public TrainingConfig withClipNorm(double c) {
        return new TrainingConfig(batchSize, learningRate, c, seed, threads);
    }

    public TrainingConfig withThreads(int t) {
        return new TrainingConfig(batchSize, learningRate, clipNorm, seed, t);
    }
}
