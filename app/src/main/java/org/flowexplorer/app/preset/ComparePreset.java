package org.flowexplorer.app.preset;

import java.util.Objects;

/**
 * A comparison to run in compare mode: side A is an ordinary {@link Preset} (data, A's model and
 * training, what to read), side B its contrast on the same data.
 *
 * @param a      the data and side A (its name and description are the comparison's)
 * @param labelA side A's short name for the legend and the verdict
 * @param b      side B
 */
public record ComparePreset(Preset a, String labelA, CompareSide b) {
    public ComparePreset {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(labelA, "labelA");
        Objects.requireNonNull(b, "b");
    }

    public String name() {
        return a.name();
    }

    /** Side A as a compare side (for the form and the verdict). */
    public CompareSide sideA() {
        return new CompareSide(labelA, a.architecture(), a.training());
    }
}
