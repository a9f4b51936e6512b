package org.flowexplorer.model.flow;

import java.util.Locale;

/** Which coupling the flow's layers use. */
public enum CouplingType {
    /** RealNVP: y_B = x_B·exp(s) + t (Dinh et al. 2017). */
    AFFINE,
    /** NICE: y_B = x_B + t, volume-preserving (Dinh et al. 2015). */
    ADDITIVE;

    /** Conditioner outputs per transformed coordinate: (s, t) for affine, t for additive. */
    public int outputsPerTransformed() {
        return this == AFFINE ? 2 : 1;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CouplingType fromId(String id) {
        for (CouplingType t : values()) {
            if (t.id().equalsIgnoreCase(id.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown coupling '" + id + "' (expected affine or additive)");
    }
}
