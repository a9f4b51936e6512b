package org.flowexplorer.app.preset;

import java.util.Objects;

/**
 * A comparison to run in compare mode: side A is an ordinary {@link Preset} (the data, A's model
 * and training), side B its contrast on the same data.
 *
 * @param name        short title for a menu
 * @param description one paragraph: what the two sides differ in and what to notice
 * @param watchFor    one sentence shown while it runs
 * @param a           the data and side A
 * @param labelA      side A's short name for the legend and the verdict
 * @param b           side B
 */
public record ComparePreset(String name, String description, String watchFor, Preset a, String labelA, CompareSide b) {
    public ComparePreset {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(labelA, "labelA");
        Objects.requireNonNull(b, "b");
        if (name == null || name.isBlank() || description == null || description.isBlank() || watchFor == null
                || watchFor.isBlank()) {
            throw new IllegalArgumentException("a compare preset needs a name, a description and what to watch for");
        }
        if (a.image() != null || a.energy() != null) {
            throw new IllegalArgumentException("compare mode trains both sides on a toy data set by maximum likelihood");
        }
    }

    /** Side A as a compare side (for the form and the verdict). */
    public CompareSide sideA() {
        return new CompareSide(labelA, a.architecture(), a.training());
    }
}
