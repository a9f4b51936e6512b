package org.flowexplorer.model.io;

import java.util.Objects;
import org.flowexplorer.model.data.ToyDataset;

/**
 * Where a session's training points came from: a generated toy data set (enough to regenerate
 * it), or custom points (imported from a file and/or drawn by hand). The points themselves are
 * always stored in the session, so this is provenance for the UI's data controls, not a recipe
 * the loader follows.
 */
public sealed interface DataSource {

    /** {@code ToyDataset.generate(n, noise, seed)}. */
    record Toy(ToyDataset dataset, int n, double noise, long seed) implements DataSource {
        public Toy {
            Objects.requireNonNull(dataset, "dataset");
            if (n < 1) {
                throw new IllegalArgumentException("n must be at least 1, got " + n);
            }
            if (!(noise >= 0) || Double.isInfinite(noise)) {
                throw new IllegalArgumentException("noise must be finite and non-negative, got " + noise);
            }
        }
    }

    /**
     * Points the user supplied: imported from {@code origin} (a file name, for display only),
     * drawn by hand ({@code origin} null), or imported and then edited with the brush.
     */
    record Custom(String origin) implements DataSource {
        public static final Custom DRAWN = new Custom(null);
    }
}
