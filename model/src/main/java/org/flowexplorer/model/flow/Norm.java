package org.flowexplorer.model.flow;

import java.util.Locale;
import org.flowexplorer.model.nn.ParameterStore;

/** The normalisation a flow attaches after every coupling: none, RealNVP's {@link BatchNorm} or Glow's {@link ActNorm}. */
public enum Norm {
    NONE, BATCH, ACT;

    /** "none", "batch", "act": the CLI's {@code --norm} values and the files' {@code norm} field. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException with one line naming the accepted values */
    public static Norm fromId(String id) {
        return byId(values(), id, "norm", "none, batch or act");
    }

    /** The constant of {@code values} whose lower-case name is {@code id} (also {@link Mixer#fromId}). */
    static <E extends Enum<E>> E byId(E[] values, String id, String what, String expected) {
        for (E e : values) {
            if (e.name().toLowerCase(Locale.ROOT).equals(id.trim().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "' (expected " + expected + ")");
    }

    /** Parameters of one such norm in {@code dim} dimensions. */
    public int parameterCount(int dim) {
        return switch (this) {
            case NONE -> 0;
            case BATCH -> BatchNorm.parameterCount(dim);
            case ACT -> ActNorm.parameterCount(dim);
        };
    }

    /** Buffer values of one such norm. */
    int bufferCount(int dim) {
        return switch (this) {
            case NONE -> 0;
            case BATCH -> BatchNorm.bufferCount(dim);
            case ACT -> 1;
        };
    }

    /** The norm at the given parameter and buffer offsets; null for {@link #NONE}. */
    FlowBlock create(int dim, ParameterStore<?> store, int offset, int bufferOffset) {
        return switch (this) {
            case NONE -> null;
            case BATCH -> new BatchNorm(dim, store, offset, bufferOffset);
            case ACT -> new ActNorm(dim, store, offset, bufferOffset);
        };
    }
}
