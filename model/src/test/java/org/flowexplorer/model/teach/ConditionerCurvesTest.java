package org.flowexplorer.model.teach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingLayer;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.nn.ConditionerLayout;
import org.junit.jupiter.api.Test;

class ConditionerCurvesTest {
    private static final float[] MOONS = ToyDataset.MOONS.generate(400, 0.1, 4);

    private static RealNVP randomFlow(FlowSpec spec, long seed) {
        RealNVP flow = RealNVP.create(spec, seed);
        double[] p = flow.parameterValues();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < p.length; i++) {
            p[i] = (rng.nextDouble() * 2 - 1) * 0.7;
        }
        flow.setParameters(p);
        return flow;
    }

    /** The conditioner written out from its parameters: Linear → ReLU → … → Linear, as PyTorch's nn.Sequential. */
    private static double[] conditioner(RealNVP flow, int layer, double[] xA) {
        CouplingLayer c = flow.layers().get(layer);
        ConditionerLayout net = c.conditioner();
        double[] p = flow.parameterValues();
        double[] h = xA;
        for (int i = 0; i < net.linearCount(); i++) {
            double[] out = new double[net.out(i)];
            for (int o = 0; o < out.length; o++) {
                double acc = p[c.parameterOffset() + net.biasOffset(i) + o];
                for (int k = 0; k < net.in(i); k++) {
                    acc += p[c.parameterOffset() + net.weightOffset(i) + o * net.in(i) + k] * h[k];
                }
                out[o] = i < net.linearCount() - 1 ? Math.max(0, acc) : acc;
            }
            h = out;
        }
        return h;
    }

    /** Computed in float64 and reported as float32: equal to float32's rounding. */
    private static void assertFloat32(double expected, double actual, String message) {
        assertEquals(expected, actual, 1e-7 * Math.max(1, Math.abs(expected)), message);
    }

    @Test
    void curvesAreTheConditionersSAndTAtTheSweptInputs() {
        RealNVP flow = randomFlow(FlowSpec.alternating(2, 4, new int[]{16, 16}, CouplingType.AFFINE), 11);
        FlowTrace trace = flow.traceForward(MOONS);
        for (int layer = 0; layer < 4; layer++) {
            ConditionerCurves c = ConditionerCurves.of(flow, trace, layer, null, 200, 40);
            assertEquals(200, c.inputs().length);
            assertFalse(c.slice());
            assertEquals(1, c.curves().size());
            int a = flow.layers().get(layer).mask().conditioningIndices()[0];
            assertEquals(a, c.varied());
            ConditionerCurves.Curve curve = c.curves().get(0);
            assertEquals(1 - a, curve.coordinate());
            for (int i = 0; i < 200; i++) {
                double[] raw = conditioner(flow, layer, new double[] {c.inputs()[i]});
                assertFloat32(2 * Math.tanh(raw[0]), curve.s()[i], "s at layer " + layer + ", input " + i);
                assertFloat32(raw[1], curve.t()[i], "t at layer " + layer + ", input " + i);
            }
        }
    }

    @Test
    void theFirstLayersCurvesAgreeWithTheModelsOwnTraceAtThoseInputs() {
        RealNVP flow = randomFlow(FlowSpec.alternating(2, 2, new int[]{8}, CouplingType.AFFINE), 3);
        ConditionerCurves c = ConditionerCurves.of(flow, flow.traceForward(MOONS), 0, null, 50, 10);
        float[] pts = new float[100];
        for (int i = 0; i < 50; i++) {
            pts[2 * i] = (float) c.inputs()[i]; // layer 0 conditions on x₁
            pts[2 * i + 1] = 0.3f;
        }
        FlowTrace at = flow.traceForward(pts);
        for (int i = 0; i < 50; i++) { // the same inputs through the float32 training engine
            assertEquals(at.term(0, FlowTrace.LOG_SCALE)[i], c.curves().get(0).s()[i], 1e-4, "s at x₁ = " + pts[2 * i]);
            assertEquals(at.term(0, FlowTrace.SHIFT)[i], c.curves().get(0).t()[i], 1e-4, "t at x₁ = " + pts[2 * i]);
        }
    }

    @Test
    void theSweepCoversTheDataAtThatLayerAndTheHistogramCountsEveryPoint() {
        RealNVP flow = randomFlow(FlowSpec.alternating(2, 3, new int[]{8}, CouplingType.AFFINE), 5);
        FlowTrace trace = flow.traceForward(MOONS);
        ConditionerCurves c = ConditionerCurves.of(flow, trace, 2, null, 200, 40);
        float[] at = trace.positions()[2];
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int r = 0; r < 400; r++) {
            lo = Math.min(lo, at[2 * r + c.varied()]);
            hi = Math.max(hi, at[2 * r + c.varied()]);
        }
        assertTrue(c.inputs()[0] < lo && c.inputs()[199] > hi);
        assertEquals(400, Arrays.stream(c.histogram().counts()).sum());
        assertEquals(40, c.histogram().counts().length);
        assertTrue(Double.isNaN(c.queryValue()));
    }

    @Test
    void anAdditiveCouplingHasOnlyAShiftCurve() {
        RealNVP flow = randomFlow(FlowSpec.alternating(2, 2, new int[]{8}, CouplingType.ADDITIVE), 7);
        ConditionerCurves c = ConditionerCurves.of(flow, flow.traceForward(MOONS), 1, null, 30, 5);
        assertFalse(c.hasScale());
        assertNull(c.curves().get(0).s());
        assertEquals(0.0, c.saturatedShare());
        for (int i = 0; i < 30; i++) {
            assertFloat32(conditioner(flow, 1, new double[] {c.inputs()[i]})[0], c.curves().get(0).t()[i], "");
        }
    }

    @Test
    void withMoreConditioningCoordinatesTheCurveIsTheQueryPointsSlice() {
        FlowSpec spec = new FlowSpec(3, java.util.List.of(Mask.of(true, true, false), Mask.of(false, false, true)),
                new int[]{8}, CouplingType.AFFINE);
        RealNVP flow = randomFlow(spec, 9);
        float[] data = new float[300];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rng.nextGaussian();
        }
        float[] query = {0.4f, -0.8f, 1.2f};
        ConditionerCurves c = ConditionerCurves.of(flow, flow.traceForward(data), 0, query, 20, 8);
        assertTrue(c.slice());
        assertEquals(0, c.varied());
        assertArrayEquals(new double[] {0.4f, -0.8f, 1.2f}, c.base(), 0);
        assertEquals(0.4f, c.queryValue(), 0);
        for (int i = 0; i < 20; i++) {
            double[] raw = conditioner(flow, 0, new double[] {c.inputs()[i], -0.8f});
            assertFloat32(2 * Math.tanh(raw[0]), c.curves().get(0).s()[i], "");
            assertFloat32(raw[1], c.curves().get(0).t()[i], "");
        }
    }

    @Test
    void saturationShareIsThatOfTheDataAtThatLayer() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[]{8}, CouplingType.AFFINE), 2);
        CouplingLayer first = flow.layers().get(0);
        double[] p = flow.parameterValues();
        p[first.parameterOffset() + first.conditioner().biasOffset(first.conditioner().linearCount() - 1)] = -3.0;
        flow.setParameters(p);
        FlowTrace trace = flow.traceForward(MOONS);
        assertEquals(1.0, ConditionerCurves.of(flow, trace, 0, null, 10, 4).saturatedShare());
        assertEquals(0.0, ConditionerCurves.of(flow, trace, 1, null, 10, 4).saturatedShare());
    }
}
