package org.flowexplorer.model.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The architecture of a coupling flow: dimension, one mask per layer, the conditioner's hidden
 * widths (shared by all layers), the coupling type, the affine couplings' scale function (used
 * only when the coupling {@linkplain CouplingType#hasScale() has a scale}), the {@link Norm} that
 * follows every coupling (none, {@link BatchNorm} or {@link ActNorm}) and the {@link Mixer} after
 * that (none, {@link LuLinear} or {@link FixedRotation}): coupling i's blocks belong to it, so
 * position k of the flow is after coupling k and its blocks; and the spline couplings' shape (used
 * only by {@link CouplingType#SPLINE}); and the base distribution (the seed's standard normal or a
 * {@link MixtureBase}).
 */
public record FlowSpec(int dim, List<Mask> masks, int[] hidden, CouplingType coupling, ScaleFunction scale, Norm norm,
                       Mixer mixer, SplineShape spline, BaseDistribution base) {

    /** A flow over the seed's standard-normal base. */
    public FlowSpec(int dim, List<Mask> masks, int[] hidden, CouplingType coupling, ScaleFunction scale, Norm norm, Mixer mixer,
                    SplineShape spline) {
        this(dim, masks, hidden, coupling, scale, norm, mixer, spline, BaseDistribution.GAUSSIAN);
    }

    /** The seed's flow: tanh·2 scale, no batch normalisation. */
    public FlowSpec(int dim, List<Mask> masks, int[] hidden, CouplingType coupling) {
        this(dim, masks, hidden, coupling, ScaleFunction.DEFAULT, false);
    }

    /** A flow with or without batch normalisation, no mixer and the default spline shape. */
    public FlowSpec(int dim, List<Mask> masks, int[] hidden, CouplingType coupling, ScaleFunction scale, boolean batchNorm) {
        this(dim, masks, hidden, coupling, scale, batchNorm ? Norm.BATCH : Norm.NONE, Mixer.NONE, SplineShape.DEFAULT);
    }

    /** A flow with the default spline shape (K = 8, B = 4). */
    public FlowSpec(int dim, List<Mask> masks, int[] hidden, CouplingType coupling, ScaleFunction scale, Norm norm, Mixer mixer) {
        this(dim, masks, hidden, coupling, scale, norm, mixer, SplineShape.DEFAULT);
    }

    /** A flow with or without batch normalisation, no mixer, and the given spline shape. */
    public FlowSpec(int dim, List<Mask> masks, int[] hidden, CouplingType coupling, ScaleFunction scale, boolean batchNorm,
                    SplineShape spline) {
        this(dim, masks, hidden, coupling, scale, batchNorm ? Norm.BATCH : Norm.NONE, Mixer.NONE, spline);
    }

    public FlowSpec {
        java.util.Objects.requireNonNull(norm, "norm");
        java.util.Objects.requireNonNull(mixer, "mixer");
        java.util.Objects.requireNonNull(coupling, "coupling");
        java.util.Objects.requireNonNull(scale, "scale");
        java.util.Objects.requireNonNull(spline, "spline");
        java.util.Objects.requireNonNull(base, "base");
        if (dim < 2) {
            throw new IllegalArgumentException("a coupling flow needs at least 2 dimensions, got " + dim);
        }
        if (masks.isEmpty()) {
            throw new IllegalArgumentException("a flow needs at least one layer");
        }
        for (Mask m : masks) {
            if (m.dim() != dim) {
                throw new IllegalArgumentException("mask " + m + " has " + m.dim() + " coordinates, expected " + dim);
            }
        }
        if (hidden.length == 0) {
            throw new IllegalArgumentException("the conditioner needs at least one hidden layer");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden widths must be positive, got " + Arrays.toString(hidden));
            }
        }
        masks = List.copyOf(masks);
        hidden = hidden.clone();
    }

    /** The seed's RealNVP: {@code layers} couplings with alternating half masks. */
    public static FlowSpec alternating(int dim, int layers, int[] hidden, CouplingType coupling) {
        if (layers < 1) {
            throw new IllegalArgumentException("a flow needs at least one layer, got " + layers);
        }
        List<Mask> masks = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            masks.add(Mask.alternating(dim, i));
        }
        return new FlowSpec(dim, masks, hidden, coupling);
    }

    public int layers() {
        return masks.size();
    }

    /** True if a {@link BatchNorm} follows every coupling. */
    public boolean batchNorm() {
        return norm == Norm.BATCH;
    }

    /** True if every coupling is followed by at least one block (a norm or a mixer). */
    public boolean hasBlocks() {
        return norm != Norm.NONE || mixer != Mixer.NONE;
    }

    /** This spec with another scale function for its affine couplings. */
    public FlowSpec withScale(ScaleFunction f) {
        return new FlowSpec(dim, masks, hidden, coupling, f, norm, mixer, spline, base);
    }

    /** This spec with (or without) a batch normalisation after every coupling (without: no norm). */
    public FlowSpec withBatchNorm(boolean on) {
        return withNorm(on ? Norm.BATCH : norm == Norm.BATCH ? Norm.NONE : norm);
    }

    /** This spec with another norm after every coupling. */
    public FlowSpec withNorm(Norm n) {
        return new FlowSpec(dim, masks, hidden, coupling, scale, n, mixer, spline, base);
    }

    /** This spec with another mixer after every coupling (after its norm). */
    public FlowSpec withMixer(Mixer m) {
        return new FlowSpec(dim, masks, hidden, coupling, scale, norm, m, spline, base);
    }

    /** This spec with another shape for its spline couplings. */
    public FlowSpec withSpline(SplineShape shape) {
        return new FlowSpec(dim, masks, hidden, coupling, scale, norm, mixer, shape, base);
    }

    /** This spec over another base distribution. */
    public FlowSpec withBase(BaseDistribution b) {
        return new FlowSpec(dim, masks, hidden, coupling, scale, norm, mixer, spline, b);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlowSpec f && dim == f.dim && masks.equals(f.masks) && Arrays.equals(hidden, f.hidden)
                && coupling == f.coupling && scale.equals(f.scale) && norm == f.norm && mixer == f.mixer
                && spline.equals(f.spline) && base.equals(f.base);
    }

    @Override
    public int hashCode() {
        return ((31 * dim + masks.hashCode()) * 31 + Arrays.hashCode(hidden) * 7 + coupling.hashCode()) * 31
                + scale.hashCode() * 3 + norm.hashCode() * 5 + mixer.hashCode() + spline.hashCode() * 17 + base.hashCode() * 11;
    }

    @Override
    public String toString() {
        return "FlowSpec[dim=" + dim + ", layers=" + masks.size() + ", hidden=" + Arrays.toString(hidden)
                + ", coupling=" + coupling.id() + (scale.isDefault() ? "" : ", scale=" + scale.id())
                + (batchNorm() ? ", batchNorm" : norm != Norm.NONE ? ", norm=" + norm.id() : "")
                + (mixer != Mixer.NONE ? ", mixer=" + mixer.id() : "")
                + (coupling == CouplingType.SPLINE ? ", spline=" + spline : "")
                + (base.isGaussian() ? "" : ", base=" + base.id()) + "]";
    }
}
