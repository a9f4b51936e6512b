package org.flowexplorer.app.worker;

import java.util.Arrays;
import java.util.Objects;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.ScaleFunction;
import org.flowexplorer.model.flow.SplineShape;

/**
 * The flow the worker builds: number of coupling layers, conditioner widths, coupling type, the
 * init seed, the affine couplings' scale function, the norm and mixer after every coupling, the
 * base distribution and the spline couplings' shape (K bins on [−B, B]; only a spline coupling uses
 * it, and the settings form sends the default for the other couplings).
 * {@link #of(Architecture, long)} and {@link #architecture()} are the one conversion to and from the
 * model's {@link Architecture} (sessions, preferences, presets, lessons, compare sides).
 */
public record ArchitectureSettings(int layers, int[] hidden, CouplingType coupling, long seed, ScaleFunction scale,
                                   Norm norm, Mixer mixer, BaseDistribution base, SplineShape spline) {
    public static final int MAX_LAYERS = 32;
    public static final int MAX_WIDTH = 1024;

    /** The seed's blocks: tanh·2 scale, no batch normalisation. */
    public ArchitectureSettings(int layers, int[] hidden, CouplingType coupling, long seed) {
        this(layers, hidden, coupling, seed, ScaleFunction.DEFAULT, false);
    }

    /** With the default spline shape (K = 8 bins on [−4, 4]). */
    public ArchitectureSettings(int layers, int[] hidden, CouplingType coupling, long seed, ScaleFunction scale, Norm norm, Mixer mixer,
                                BaseDistribution base) {
        this(layers, hidden, coupling, seed, scale, norm, mixer, base, SplineShape.DEFAULT);
    }

    /** Over the seed's N(0, I) base. */
    public ArchitectureSettings(int layers, int[] hidden, CouplingType coupling, long seed, ScaleFunction scale, Norm norm, Mixer mixer) {
        this(layers, hidden, coupling, seed, scale, norm, mixer, BaseDistribution.GAUSSIAN);
    }

    /** With or without batch normalisation, no mixer. */
    public ArchitectureSettings(int layers, int[] hidden, CouplingType coupling, long seed, ScaleFunction scale, boolean batchNorm) {
        this(layers, hidden, coupling, seed, scale, batchNorm ? Norm.BATCH : Norm.NONE, Mixer.NONE);
    }

    public ArchitectureSettings {
        Objects.requireNonNull(coupling, "coupling");
        Architecture.requireBlocks(scale, norm, mixer, base);
        Objects.requireNonNull(spline, "spline");
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

    /** The settings of an architecture with this init seed (throws if it is outside the app's range). */
    public static ArchitectureSettings of(Architecture a, long seed) {
        return new ArchitectureSettings(a.layers(), a.hidden(), a.coupling(), seed, a.scale(), a.norm(), a.mixer(), a.base(), a.spline());
    }

    /** The model's description of these settings (without the seed). */
    public Architecture architecture() {
        return new Architecture(layers, hidden, coupling, scale, norm, mixer, spline, base);
    }

    /** These settings with another shape for the spline couplings. */
    public ArchitectureSettings withSpline(SplineShape shape) {
        return new ArchitectureSettings(layers, hidden, coupling, seed, scale, norm, mixer, base, shape);
    }

    /** True if a batch normalisation follows every coupling. */
    public boolean batchNorm() {
        return norm == Norm.BATCH;
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
        return architecture().toSpec(2);
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
                && a.coupling == coupling && a.seed == seed && a.scale.equals(scale) && a.norm == norm && a.mixer == mixer
                && a.base.equals(base) && a.spline.equals(spline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(layers, Arrays.hashCode(hidden), coupling, seed, scale, norm, mixer, base, spline);
    }

    @Override
    public String toString() {
        Architecture a = architecture();
        return layers + " × " + coupling.name().toLowerCase() + a.blocksText() + " [" + hiddenText() + "]" + a.baseText();
    }
}
