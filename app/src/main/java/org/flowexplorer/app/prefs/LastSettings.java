package org.flowexplorer.app.prefs;

import java.util.Objects;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;

/**
 * The controls' values when the app was last closed, restored at the next start: data set,
 * architecture, learning rate and batch size.
 */
public record LastSettings(ToyDataset dataset, Architecture architecture, double learningRate, int batchSize) {
    /** What a first start shows: the seed's configuration on moons. */
    public static final LastSettings DEFAULT = new LastSettings(ToyDataset.MOONS, Architecture.DEFAULT, 1e-3, 256);

    public LastSettings {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(architecture, "architecture");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }
}
