package org.flowexplorer.model.flow;

import java.util.Arrays;
import java.util.Objects;

/**
 * The architecture choices a user makes in the app: number of coupling layers, the conditioner's
 * hidden widths and the coupling type. Masks are always the seed's alternating half masks, so
 * this is a {@link FlowSpec} without the mask list; {@link #toSpec(int)} builds the full spec.
 * Used by session settings, remembered preferences and presets.
 */
public record Architecture(int layers, int[] hidden, CouplingType coupling) {
    /** The seed's default: 8 affine layers with a 256×256 conditioner. */
    public static final Architecture DEFAULT = new Architecture(8, new int[] {256, 256}, CouplingType.AFFINE);

    public Architecture {
        if (layers < 1) {
            throw new IllegalArgumentException("a flow needs at least one layer, got " + layers);
        }
        Objects.requireNonNull(coupling, "coupling");
        if (hidden.length == 0) {
            throw new IllegalArgumentException("the conditioner needs at least one hidden layer");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden widths must be positive, got " + Arrays.toString(hidden));
            }
        }
        hidden = hidden.clone();
    }

    /** The architecture of an alternating-mask spec (the masks are not kept). */
    public static Architecture of(FlowSpec spec) {
        return new Architecture(spec.layers(), spec.hidden(), spec.coupling());
    }

    /** A spec with alternating half masks in {@code dim} dimensions. */
    public FlowSpec toSpec(int dim) {
        return FlowSpec.alternating(dim, layers, hidden, coupling);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && layers == a.layers && Arrays.equals(hidden, a.hidden) && coupling == a.coupling;
    }

    @Override
    public int hashCode() {
        return (31 * layers + Arrays.hashCode(hidden)) * 31 + coupling.hashCode();
    }

    /** E.g. {@code "8 × affine, hidden 256×256"}. */
    @Override
    public String toString() {
        StringBuilder widths = new StringBuilder();
        for (int i = 0; i < hidden.length; i++) {
            widths.append(i == 0 ? "" : "×").append(hidden[i]);
        }
        return layers + " × " + coupling.id() + ", hidden " + widths;
    }
}
