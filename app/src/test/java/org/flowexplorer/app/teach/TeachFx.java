package org.flowexplorer.app.teach;

import java.util.SplittableRandom;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;

/** A small random model for the teaching views' tests. */
final class TeachFx {
    private TeachFx() {
    }

    /** A 2-D flow with all parameters random (last Linears included): far from the identity. */
    static RealNVP randomModel(int layers, long seed) {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, layers, new int[] {16, 16}, CouplingType.AFFINE), seed);
        double[] p = flow.parameterValues();
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextGaussian() * 0.4;
        }
        flow.setParameters(p);
        return flow;
    }
}
