package org.flowexplorer.app.worker;

import java.util.Objects;
import org.flowexplorer.model.data.ToyDataset;

/**
 * Which toy data set the worker trains on: the set, number of training points, its noise knob and
 * the generator seed. The held-out test set comes from the same generator with another seed.
 *
 * <p>With an {@code energy} (U1…U4 or a formula in x1, x2; null = none) the worker fits exp(−U) by
 * reverse KL instead, and the n points are a sample of exp(−U) for the picture and the test NLL
 * ({@link EnergyTarget}); the toy set is then only what the form remembers.
 */
public record DatasetSettings(ToyDataset set, int n, double noise, long seed, String energy) {
    public static final int MAX_POINTS = 100_000;

    /** Toy data, trained on by maximum likelihood. */
    public DatasetSettings(ToyDataset set, int n, double noise, long seed) {
        this(set, n, noise, seed, null);
    }

    /** These settings fitting {@code energy} by reverse KL (null or blank: maximum likelihood on the toy set). */
    public DatasetSettings withEnergy(String energy) {
        return new DatasetSettings(set, n, noise, seed, energy);
    }

    public DatasetSettings {
        if (energy != null && energy.isBlank()) {
            energy = null;
        }
        Objects.requireNonNull(set, "set");
        if (n < 16 || n > MAX_POINTS) {
            throw new IllegalArgumentException("number of points must be between 16 and " + MAX_POINTS + ", got " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
    }

    /** The app's default: 2 000 moons points with the reference noise, seed 0. */
    public static DatasetSettings defaults() {
        return new DatasetSettings(ToyDataset.MOONS, 2000, ToyDataset.MOONS.defaultNoise(), 0);
    }

    /** Seed of the held-out test set: the same generator, a different stream. */
    public long testSeed() {
        return seed * 0x9E3779B97F4A7C15L + 7919;
    }
}
