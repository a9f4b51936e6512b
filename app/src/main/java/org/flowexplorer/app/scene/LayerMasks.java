package org.flowexplorer.app.scene;

import java.util.List;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;

/** The coupling masks for display: masks[l][d] is true when coordinate d conditions layer l (passes through). */
public final class LayerMasks {
    private LayerMasks() {
    }

    /** The masks of a built model. */
    public static boolean[][] of(RealNVP model) {
        List<CouplingLayer> layers = model.layers();
        boolean[][] m = new boolean[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            m[l] = layers.get(l).mask().values();
        }
        return m;
    }

    /** The masks of the alternating 2-D flow the app builds with {@code layers} couplings (before it is built). */
    public static boolean[][] alternating(int layers) {
        boolean[][] m = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            m[l] = Mask.alternating(2, l).values();
        }
        return m;
    }
}
