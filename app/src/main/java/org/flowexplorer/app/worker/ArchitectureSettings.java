package org.flowexplorer.app.worker;

import java.util.Arrays;
import java.util.Objects;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;

/** The flow the worker builds: number of coupling layers, conditioner widths, coupling type and init seed. */
public record ArchitectureSettings(int layers, int[] hidden, CouplingType coupling, long seed) {
    public static final int MAX_LAYERS = 32;
    public static final int MAX_WIDTH = 1024;

    public ArchitectureSettings {
        Objects.requireNonNull(coupling, "coupling");
        if (layers < 1 || layers > MAX_LAYERS) {
            throw new IllegalArgumentException("layers must be between 1 and " + MAX_LAYERS + ", got " + layers);
        }
        if (hidden == null || hidden.length == 0 || hidden.length > 8) {
            throw new IllegalArgumentException("give 1 to 8 hidden widths");
        }
        for (int h : hidden) {
            if (h < 1 || h > MAX_WIDTH) {
                throw new IllegalArgumentException("hidden widths must be between 1 and " + MAX_WIDTH + ", got " + h);
            }
        }
        hidden = hidden.clone();
    }

    /** The app's default: 8 affine layers, hidden 64,64 (responsive on a laptop). */
    public static ArchitectureSettings defaults() {
        return new ArchitectureSettings(8, new int[] {64, 64}, CouplingType.AFFINE, 0);
    }

    /** The reference architecture: 8 affine layers, hidden 256,256. */
    public static ArchitectureSettings referenceDefault() {
        return new ArchitectureSettings(8, new int[] {256, 256}, CouplingType.AFFINE, 0);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    public FlowSpec spec() {
        return FlowSpec.alternating(2, layers, hidden, coupling);
    }

    /** "64,64". */
    public String hiddenText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hidden.length; i++) {
            b.append(i == 0 ? "" : ",").append(hidden[i]);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchitectureSettings a && a.layers == layers && Arrays.equals(a.hidden, hidden)
                && a.coupling == coupling && a.seed == seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(layers, Arrays.hashCode(hidden), coupling, seed);
    }

    @Override
    public String toString() {
        return layers + " × " + coupling.name().toLowerCase() + " [" + hiddenText() + "]";
    }
}
