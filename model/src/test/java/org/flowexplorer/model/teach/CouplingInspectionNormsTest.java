package org.flowexplorer.model.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

/** A coupling's walk-through in a flow with batch norms: coupling l sits between position l and its norm. */
class CouplingInspectionNormsTest {
    private static RealNVP normed() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 3, new int[] {8, 8}, CouplingType.AFFINE).withBatchNorm(true),
                Precision.FLOAT64, 1);
        SplittableRandom rng = new SplittableRandom(2);
        double[] p = flow.parameterValues();
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.3 * rng.nextGaussian();
        }
        flow.setParameters(p);
        flow.setBufferValues(new double[] {0.5, -0.3, 2.0, 0.6, -0.2, 0.1, 0.8, 1.5, 0.0, 0.4, 1.2, 0.9});
        return flow;
    }

    @Test
    void forwardAndInverseWalksUseTheCouplingsOwnInputAndOutput() {
        RealNVP flow = normed();
        float[] x = {0.7f, -1.1f};
        FlowTrace fwd = flow.traceForward(x);
        float[] z = fwd.positionsAt(3);
        FlowTrace inv = flow.traceInverse(z);
        for (int l = 0; l < 3; l++) {
            CouplingInspection f = CouplingInspection.forward(flow, x, l);
            CouplingInspection b = CouplingInspection.inverseFromLatent(flow, z, l);
            for (int i = 0; i < 2; i++) {
                assertEquals(fwd.positionsAt(l)[i], f.input()[i], 1e-6, "forward input, layer " + l);
                assertEquals(fwd.beforeNormAt(l)[i], f.output()[i], 1e-5, "forward output before the norm, layer " + l);
                assertEquals(inv.beforeNormAt(l)[i], b.input()[i], 1e-6, "inverse input (after undoing the norm), layer " + l);
                assertEquals(inv.positionsAt(l)[i], b.output()[i], 1e-5, "inverse output, layer " + l);
                CouplingInspection d = CouplingInspection.of(flow, x, l, CouplingInspection.Direction.INVERSE);
                assertEquals(x.length, d.dim());
                assertEquals(fwd.positionsAt(l)[i], d.output()[i], 1e-5, "inverse of a data point recovers its input, layer " + l);
            }
        }
    }
}
