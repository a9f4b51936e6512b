package org.flowexplorer.model.flow;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * Which coupling the flow's layers use, and what differs per coupling outside its class: the
 * conditioner's outputs per transformed coordinate and how to build a layer.
 */
public enum CouplingType {
    /** RealNVP: y_B = x_B·exp(s) + t (Dinh et al. 2017). */
    AFFINE(2, "scale and shift", (mask, hidden, scale, spline, store, offset) -> new AffineCoupling(mask, hidden, scale, store, offset)),
    /** NICE: y_B = x_B + t, volume-preserving (Dinh et al. 2015). */
    ADDITIVE(1, "shift only", (mask, hidden, scale, spline, store, offset) -> new AdditiveCoupling(mask, hidden, store, offset)),
    /** Neural Spline Flows: y_B = g(x_B), a monotone rational-quadratic spline (Durkan et al. 2019). */
    SPLINE(SplineShape.DEFAULT.outputsPerTransformed(), "bin widths, heights and knot slopes",
            (mask, hidden, scale, spline, store, offset) -> new SplineCoupling(mask, hidden, spline, store, offset));

    /**
     * A coupling class's constructor: its mask, hidden widths, scale function (if it has a scale),
     * spline shape (if it is a spline) and where its parameters live.
     */
    @FunctionalInterface
    interface Factory {
        CouplingLayer create(Mask mask, int[] hidden, ScaleFunction scale, SplineShape spline, ParameterStore<?> store, int offset);
    }

    private final int outputsPerTransformed;
    private final String outputs;
    private final Factory factory;

    CouplingType(int outputsPerTransformed, String outputs, Factory factory) {
        this.outputsPerTransformed = outputsPerTransformed;
        this.outputs = outputs;
        this.factory = factory;
    }

    /** Conditioner outputs per transformed coordinate: (s, t) for affine, t for additive, 3K − 1 for a default spline. */
    public int outputsPerTransformed() {
        return outputsPerTransformed;
    }

    /** The same for a spline of the given shape (3K − 1); the other types ignore the shape. */
    public int outputsPerTransformed(SplineShape spline) {
        return this == SPLINE ? spline.outputsPerTransformed() : outputsPerTransformed;
    }

    /**
     * Whether the seed's {@code .npz} state_dict can hold this coupling: the seed's PyTorch
     * model has affine (and, with s ≡ 0, additive) couplings, no spline.
     */
    public boolean hasStateDict() {
        return this != SPLINE;
    }

    /** What the conditioner's outputs are, in words, e.g. "scale and shift". */
    public String outputs() {
        return outputs;
    }

    /** A layer of this type whose parameters live in {@code store} from {@code offset} on (not initialised). */
    CouplingLayer create(Mask mask, int[] hidden, ParameterStore<?> store, int offset) {
        return create(mask, hidden, ScaleFunction.DEFAULT, store, offset);
    }

    /** The same with a scale function (used by couplings that have a scale, ignored by the others). */
    CouplingLayer create(Mask mask, int[] hidden, ScaleFunction scale, ParameterStore<?> store, int offset) {
        return create(mask, hidden, scale, SplineShape.DEFAULT, store, offset);
    }

    /** The same with a spline shape (used by spline couplings, ignored by the others). */
    CouplingLayer create(Mask mask, int[] hidden, ScaleFunction scale, SplineShape spline, ParameterStore<?> store, int offset) {
        return factory.create(mask, hidden, scale, spline, store, offset);
    }

    /** True if this coupling's layers have a scale, so a {@link ScaleFunction} applies to them. */
    public boolean hasScale() {
        return this == AFFINE;
    }

    /** The state_dict type ({@link #hasStateDict()}) whose conditioner has {@code outputs} outputs for {@code transformed} coordinates, or null. */
    public static CouplingType forConditionerOutputs(int outputs, int transformed) {
        for (CouplingType t : values()) {
            if (t.hasStateDict() && outputs == t.outputsPerTransformed * transformed) {
                return t;
            }
        }
        return null;
    }

    /** E.g. "4 (affine: scale and shift) or 2 (additive: shift only)" for two transformed coordinates. */
    public static String expectedOutputs(int transformed) {
        return Arrays.stream(values()).filter(CouplingType::hasStateDict).map(t -> t.outputsPerTransformed * transformed + " (" + t.id() + ": " + t.outputs + ")")
                .collect(Collectors.joining(" or "));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CouplingType fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equalsIgnoreCase(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown coupling '" + id + "' (expected "
                        + Arrays.stream(values()).map(CouplingType::id).collect(Collectors.joining(" or ")) + ")"));
    }
}
