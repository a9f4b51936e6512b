package org.flowexplorer.model.flow;

import java.util.Locale;
import org.flowexplorer.model.nn.ParameterStore;

/**
 * The invertible linear map a flow attaches after every coupling (after its norm): none, a learned
 * {@link LuLinear} (Glow's 1×1 convolution) or a {@link FixedRotation}.
 */
public enum Mixer {
    NONE, LU, ROTATION;

    /** "none", "lu", "rotation": the CLI's {@code --mixer} values and the files' {@code mixer} field. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException with one line naming the accepted values */
    public static Mixer fromId(String id) {
        return Norm.byId(values(), id, "mixer", "none, lu or rotation");
    }

    /** Parameters of one such mixer in {@code dim} dimensions. */
    public int parameterCount(int dim) {
        return this == LU ? LuLinear.parameterCount(dim) : 0;
    }

    /** Buffer values of one such mixer. */
    int bufferCount(int dim) {
        return switch (this) {
            case NONE -> 0;
            case LU -> LuLinear.bufferCount(dim);
            case ROTATION -> FixedRotation.bufferCount(dim);
        };
    }

    /** The mixer at the given parameter and buffer offsets; null for {@link #NONE}. */
    FlowBlock create(int dim, ParameterStore<?> store, int offset, int bufferOffset) {
        return switch (this) {
            case NONE -> null;
            case LU -> new LuLinear(dim, store, offset, bufferOffset);
            case ROTATION -> new FixedRotation(dim, store, offset, bufferOffset);
        };
    }
}
