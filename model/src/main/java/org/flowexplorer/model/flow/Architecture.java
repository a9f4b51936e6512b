package org.flowexplorer.model.flow;

import java.util.Arrays;
import java.util.Objects;
import org.flowexplorer.model.Limits;

/**
 * The architecture choices a user makes in the app: number of coupling layers, the conditioner's
 * hidden widths, the coupling type, the affine scale function and whether batch normalisation
 * follows every coupling. Masks are always the seed's alternating half masks, so this is a
 * {@link FlowSpec} without the mask list; {@link #toSpec(int)} builds the full spec. Used by
 * session settings, remembered preferences and presets.
 */
public record Architecture(int layers, int[] hidden, CouplingType coupling, ScaleFunction scale, Norm norm, Mixer mixer,
                           SplineShape spline, BaseDistribution base) {
    /** The seed's default: 8 affine layers with a 256×256 conditioner. */
    public static final Architecture DEFAULT = new Architecture(8, new int[] {256, 256}, CouplingType.AFFINE);

    /** Over the seed's standard-normal base. */
    public Architecture(int layers, int[] hidden, CouplingType coupling, ScaleFunction scale, Norm norm, Mixer mixer,
                        SplineShape spline) {
        this(layers, hidden, coupling, scale, norm, mixer, spline, BaseDistribution.GAUSSIAN);
    }

    /** The seed's scale (tanh·2) and no batch normalisation. */
    public Architecture(int layers, int[] hidden, CouplingType coupling) {
        this(layers, hidden, coupling, ScaleFunction.DEFAULT, false);
    }

    /** With or without batch normalisation, no mixer, the default spline shape. */
    public Architecture(int layers, int[] hidden, CouplingType coupling, ScaleFunction scale, boolean batchNorm) {
        this(layers, hidden, coupling, scale, batchNorm ? Norm.BATCH : Norm.NONE, Mixer.NONE, SplineShape.DEFAULT);
    }

    /** The default spline shape (K = 8, B = 4; used only by spline couplings). */
    public Architecture(int layers, int[] hidden, CouplingType coupling, ScaleFunction scale, Norm norm, Mixer mixer) {
        this(layers, hidden, coupling, scale, norm, mixer, SplineShape.DEFAULT);
    }

    /** With or without batch normalisation, no mixer, the given spline shape. */
    public Architecture(int layers, int[] hidden, CouplingType coupling, ScaleFunction scale, boolean batchNorm, SplineShape spline) {
        this(layers, hidden, coupling, scale, batchNorm ? Norm.BATCH : Norm.NONE, Mixer.NONE, spline);
    }

    public Architecture {
        requireBlocks(scale, norm, mixer, base);
        Objects.requireNonNull(spline, "spline");
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
        return new Architecture(spec.layers(), spec.hidden(), spec.coupling(), spec.scale(), spec.norm(), spec.mixer(), spec.spline(), spec.base());
    }

    /** Null checks of the choices beyond layers, widths and coupling (the app's settings record checks the same). */
    public static void requireBlocks(ScaleFunction scale, Norm norm, Mixer mixer, BaseDistribution base) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(norm, "norm");
        Objects.requireNonNull(mixer, "mixer");
        Objects.requireNonNull(base, "base");
    }

    /** True if a {@link BatchNorm} follows every coupling. */
    public boolean batchNorm() {
        return norm == Norm.BATCH;
    }

    /** This architecture with another scale function for its affine couplings. */
    public Architecture withScale(ScaleFunction f) {
        return new Architecture(layers, hidden, coupling, f, norm, mixer, spline, base);
    }

    /** This architecture with (or without) a batch normalisation after every coupling (without: no norm). */
    public Architecture withBatchNorm(boolean on) {
        return withNorm(on ? Norm.BATCH : norm == Norm.BATCH ? Norm.NONE : norm);
    }

    /** This architecture with another norm after every coupling. */
    public Architecture withNorm(Norm n) {
        return new Architecture(layers, hidden, coupling, scale, n, mixer, spline, base);
    }

    /** This architecture with another mixer after every coupling (after its norm). */
    public Architecture withMixer(Mixer m) {
        return new Architecture(layers, hidden, coupling, scale, norm, m, spline, base);
    }

    /** Parameters of the blocks after one coupling in {@code dim} dimensions. */
    private static long blockParameters(Norm norm, Mixer mixer, int dim) {
        return norm.parameterCount(dim) + (long) mixer.parameterCount(dim);
    }

    /**
     * Parameters of this architecture in {@code dim} dimensions (alternating half masks), in
     * {@code long}: hidden [46341, 46341] overflows an {@code int}, and the count is checked
     * against {@link Limits#MAX_PARAMETERS} before anything is allocated.
     */
    public long parameterCount(int dim) {
        long even = layerParameters(Mask.alternating(dim, 0), hidden, coupling, spline);
        long odd = layerParameters(Mask.alternating(dim, 1), hidden, coupling, spline);
        return (layers + 1L) / 2 * even + layers / 2L * odd + layers * blockParameters(norm, mixer, dim) + base.parameterCount(dim);
    }

    /** {@link #parameterCount(int)} of the app's 2-D flows. */
    public long parameterCount() {
        return parameterCount(2);
    }

    /**
     * Checks the layers, widths and parameter count in {@code dim} dimensions against
     * {@link Limits} before a model is built.
     *
     * @throws IllegalArgumentException with one line, e.g. "hidden width 100000 is over the limit of 4096"
     */
    public void requireWithinLimits(int dim) {
        Limits.requireWithinLimits(dim, layers, hidden);
        Limits.requireParameters(parameterCount(dim));
    }

    /** The parameter count of any spec (custom masks too) in {@code long}. */
    public static long parameterCount(FlowSpec spec) {
        long total = 0;
        int[] hidden = spec.hidden();
        for (Mask m : spec.masks()) {
            total += layerParameters(m, hidden, spec.coupling(), spec.spline());
        }
        return total + spec.layers() * blockParameters(spec.norm(), spec.mixer(), spec.dim()) + spec.base().parameterCount(spec.dim());
    }

    /** {@link #requireWithinLimits(int)} for any spec: dimension, layers, widths, then the {@code long} parameter count. */
    public static void requireWithinLimits(FlowSpec spec) {
        Limits.requireWithinLimits(spec.dim(), spec.layers(), spec.hidden());
        Limits.requireParameters(parameterCount(spec));
    }

    private static long layerParameters(Mask m, int[] hidden, CouplingType coupling, SplineShape spline) {
        int conditioning = m.conditioningIndices().length;
        return Limits.conditionerParameters(conditioning, hidden, (long) coupling.outputsPerTransformed(spline) * (m.dim() - conditioning));
    }

    /** This architecture with another shape for its spline couplings (only a spline coupling uses it). */
    public Architecture withSpline(SplineShape shape) {
        return shape.equals(spline) ? this : new Architecture(layers, hidden, coupling, scale, norm, mixer, shape, base);
    }

    /** A spec with alternating half masks in {@code dim} dimensions. */
    public FlowSpec toSpec(int dim) {
        return FlowSpec.alternating(dim, layers, hidden, coupling).withScale(scale).withNorm(norm).withMixer(mixer).withSpline(spline).withBase(base);
    }

    /** This architecture over another base distribution. */
    public Architecture withBase(BaseDistribution b) {
        return new Architecture(layers, hidden, coupling, scale, norm, mixer, spline, b);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture a && layers == a.layers && Arrays.equals(hidden, a.hidden) && coupling == a.coupling
                && scale.equals(a.scale) && norm == a.norm && mixer == a.mixer && spline.equals(a.spline)
                && base.equals(a.base);
    }

    @Override
    public int hashCode() {
        return ((31 * layers + Arrays.hashCode(hidden)) * 31 + coupling.hashCode()) * 31 + scale.hashCode() * 3 + norm.hashCode() * 5
                + mixer.hashCode() + spline.hashCode() * 17 + base.hashCode() * 11;
    }

    /** E.g. {@code "8 × affine, hidden 256×256"}, {@code "8 × affine (softplus) + batch norm, hidden 64×64"}. */
    @Override
    public String toString() {
        StringBuilder widths = new StringBuilder();
        for (int i = 0; i < hidden.length; i++) {
            widths.append(i == 0 ? "" : "×").append(hidden[i]);
        }
        return layers + " × " + coupling.id() + blocksText() + ", hidden " + widths + baseText();
    }

    /**
     * What differs from the seed's blocks, for one-line descriptions: the scale or spline shape, then
     * the norm and mixer, e.g. {@code " (softplus) + batch norm"}, {@code " + ActNorm + LU linear"};
     * empty for the seed's.
     */
    public String blocksText() {
        String scaleText = coupling.hasScale() && !scale.isDefault() ? " (" + scale.id() + ")"
                : coupling == CouplingType.SPLINE && !spline.isDefault() ? " (" + spline + ")" : "";
        return scaleText + (norm == Norm.BATCH ? " + batch norm" : norm == Norm.ACT ? " + ActNorm" : "")
                + (mixer == Mixer.LU ? " + LU linear" : mixer == Mixer.ROTATION ? " + rotation" : "");
    }

    /** {@code ", mixture:8"} for a mixture base; empty for the seed's N(0, I). */
    public String baseText() {
        return base.isGaussian() ? "" : ", " + base;
    }
}
