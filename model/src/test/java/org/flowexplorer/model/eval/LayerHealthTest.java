package org.flowexplorer.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.nn.ConditionerLayout;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LayerHealthTest {
    private static final FlowSpec SPEC = FlowSpec.alternating(2, 4, new int[]{16, 16}, CouplingType.AFFINE);

    /** A flow with every parameter drawn at random (the last Linear too, so s and t are not 0). */
    static RealNVP randomFlow(FlowSpec spec, long seed, double spread) {
        RealNVP flow = RealNVP.create(spec, seed);
        double[] p = flow.parameterValues();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < p.length; i++) {
            p[i] = (rng.nextDouble() * 2 - 1) * spread;
        }
        flow.setParameters(p);
        return flow;
    }

    @Test
    void saturationShareCountsRowsWithSomeScaleBeyondTheThreshold() {
        float[] s = {0.1f, 1.95f, -1.91f, 1.5f, 1.9f, -2f, 0f, 0.5f};
        assertEquals(3.0 / 8, LayerHealth.saturatedShare(s, 8));
        float[] twoPerRow = {0f, 1.99f, 0.2f, 0.3f, -1.95f, -1.95f, 1.89f, 0f};
        assertEquals(0.5, LayerHealth.saturatedShare(twoPerRow, 4));
        assertEquals(2.0, LayerHealth.maxAbs(s));
    }

    @Test
    void aLayerWhoseRawScaleIsPinnedHighIsFullySaturatedAndTheOthersNot() {
        RealNVP flow = RealNVP.create(SPEC, 1); // last Linear zero: s = 0 everywhere
        CouplingLayer second = flow.layers().get(1);
        ConditionerLayout net = second.conditioner();
        int last = net.linearCount() - 1;
        double[] p = flow.parameterValues();
        p[second.parameterOffset() + net.biasOffset(last)] = 3.0; // raw s = 3 for every input: s = 2·tanh 3 ≈ 1.99
        flow.setParameters(p);
        FlowTrace trace = flow.traceForward(ToyDataset.MOONS.generate(300, 0.1, 2));
        LayerHealth h = LayerHealth.of(flow, trace);
        assertEquals(1.0, h.saturatedShare()[1]);
        assertEquals(2 * Math.tanh(3), h.maxAbsScale()[1], 1e-6);
        assertEquals(0.0, h.saturatedShare()[0]);
        assertEquals(0.0, h.saturatedShare()[2]);
        assertEquals(2 * Math.tanh(3), h.logDetMin()[1], 1e-6);
        assertEquals(0.0, h.logDetMax()[3]);
        assertEquals(300, h.probePoints());
        LayerHealth probed = LayerHealth.of(flow, trace, 50);
        assertEquals(50, probed.probePoints());
        assertEquals(300, probed.points());
        assertEquals(1.0, probed.saturatedShare()[1]);
    }

    @Test
    void roundTripErrorIsTheDirectInverseOfForwardAndLogDetExtremesMatchTheTrace() {
        RealNVP flow = randomFlow(SPEC, 5, 0.6);
        float[] x = ToyDataset.CHECKERBOARD.generate(500, 0.0, 3);
        LayerHealth h = LayerHealth.of(flow, flow.traceForward(x));
        INDArray in = Nd4j.create(x, new long[] {500, 2});
        INDArray back = flow.inverse(flow.forward(in).outputs()).outputs();
        double direct = 0;
        for (int r = 0; r < 500; r++) {
            direct = Math.max(direct, Math.hypot(back.getDouble(r, 0) - in.getDouble(r, 0), back.getDouble(r, 1) - in.getDouble(r, 1)));
        }
        assertEquals(direct, h.roundTripMax(), 1e-7);
        assertTrue(h.roundTripMax() > 0 && h.roundTripMax() < 1e-3, "float32 round trip " + h.roundTripMax());
        float[][] ld = flow.traceForward(x).logDets();
        for (int l = 0; l < 4; l++) {
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (float v : ld[l]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            assertEquals(lo, h.logDetMin()[l]);
            assertEquals(hi, h.logDetMax()[l]);
            assertTrue(hi > lo, "random layer " + l + " has varying log det");
        }
    }

    @Test
    void anAdditiveFlowHasNoScaleToSaturate() {
        RealNVP flow = randomFlow(FlowSpec.alternating(2, 2, new int[]{8}, CouplingType.ADDITIVE), 2, 1.0);
        LayerHealth h = LayerHealth.of(flow, flow.traceForward(ToyDataset.MOONS.generate(100, 0.1, 2)));
        assertEquals(0.0, h.maxAbsScale()[0]);
        assertEquals(0.0, h.saturatedShare()[1]);
        assertEquals(0.0, h.logDetMax()[1]);
    }
}
