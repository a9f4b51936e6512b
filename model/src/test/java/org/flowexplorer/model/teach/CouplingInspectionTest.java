package org.flowexplorer.model.teach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.Mask;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.CouplingInspection.Direction;
import org.flowexplorer.model.teach.CouplingInspection.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CouplingInspectionTest {

    /** A flow whose every parameter (the last Linears included) is random: far from the identity, like a trained one. */
    static RealNVP trainedIsh(FlowSpec spec, long seed) {
        RealNVP flow = RealNVP.create(spec, seed);
        double[] p = flow.parameterValues();
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (rng.nextGaussian() * 0.4);
        }
        flow.setParameters(p);
        return flow;
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-5 * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + " got " + actual);
    }

    private static final float[][] POINTS = {{0.3f, -1.2f}, {1.7f, 0.4f}, {-2.1f, 2.5f}, {0f, 0f}};

    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void forwardMatchesTheModelsTrace(CouplingType type) {
        RealNVP flow = trainedIsh(FlowSpec.alternating(2, 6, new int[] {16, 16}, type), 7);
        for (float[] p : POINTS) {
            FlowTrace tr = flow.traceForward(p);
            for (int l = 0; l < 6; l++) {
                CouplingInspection in = CouplingInspection.forward(flow, p, l);
                int[] ti = flow.layers().get(l).mask().transformedIndices();
                double[] y = in.step("y").values();
                for (int i = 0; i < 2; i++) {
                    close(tr.positions()[l][i], in.step("x").value(i), "x l=" + l);
                    close(tr.positions()[l + 1][i], y[i], "y l=" + l + " i=" + i);
                }
                for (int k = 0; k < ti.length; k++) {
                    close(tr.scales()[l][k], in.step("s").value(ti[k]), "s l=" + l);
                    close(tr.shifts()[l][k], in.step("t").value(ti[k]), "t l=" + l);
                }
                close(tr.logDets()[l][0], in.logDet(), "log-det l=" + l);
                close(tr.logDets()[l][0], in.steps().get(in.steps().size() - 1).total(), "log-det step l=" + l);
                assertEquals(6, in.layerCount());
                assertArrayEquals(p, in.point());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void inverseMatchesTheModelsInverseTrace(CouplingType type) {
        RealNVP flow = trainedIsh(FlowSpec.alternating(2, 5, new int[] {12}, type), 11);
        for (float[] p : POINTS) {
            float[] z = flow.forward(p, null);
            FlowTrace tr = flow.traceInverse(z);
            FlowTrace fwd = flow.traceForward(p);
            for (int l = 0; l < 5; l++) {
                CouplingInspection in = CouplingInspection.of(flow, p, l, Direction.INVERSE);
                CouplingInspection fromZ = CouplingInspection.inverseFromLatent(flow, z, l);
                int[] ti = flow.layers().get(l).mask().transformedIndices();
                for (int i = 0; i < 2; i++) {
                    close(tr.positions()[l + 1][i], in.step("y").value(i), "y l=" + l);
                    close(tr.positions()[l][i], in.step("x").value(i), "x l=" + l);
                    close(tr.positions()[l][i], fromZ.output()[i], "x from z l=" + l);
                    // the inverse recovers the forward input
                    assertEquals(fwd.positions()[l][i], in.output()[i], 1e-4 * Math.max(1, Math.abs(fwd.positions()[l][i])));
                }
                for (int k = 0; k < ti.length; k++) {
                    close(tr.scales()[l][k], in.step("s").value(ti[k]), "s l=" + l);
                    close(tr.shifts()[l][k], in.step("t").value(ti[k]), "t l=" + l);
                }
                close(-tr.logDets()[l][0], in.logDet(), "inverse log-det l=" + l);
            }
        }
    }

    @Test
    void stepsFollowTheSeedsOrderAndFormula() {
        RealNVP flow = trainedIsh(FlowSpec.alternating(2, 4, new int[] {8, 8}, CouplingType.AFFINE), 3);
        CouplingInspection in = CouplingInspection.forward(flow, new float[] {0.5f, -0.25f}, 1);
        assertEquals(List.of("x", "m", "x_m", "1 − m", "raw s", "t", "s", "x·exp(s)", "x·exp(s)+t", "(1−m)·(…)", "y", "log|det J|"),
                in.steps().stream().map(Step::symbol).toList());
        // layer 1 of the alternating flow: x₂ conditions, x₁ is transformed
        assertArrayEquals(new boolean[] {false, true}, in.mask());
        assertArrayEquals(new double[] {0, 1}, in.step("m").values());
        assertArrayEquals(new double[] {1, 0}, in.step("1 − m").values());
        double[] x = in.step("x").values();
        assertEquals(0.0, in.step("x_m").value(0));
        assertEquals(x[1], in.step("x_m").value(1));
        assertTrue(Double.isNaN(in.step("t").value(1)), "t is not defined for a conditioning coordinate");
        assertTrue(Double.isNaN(in.step("raw s").value(1)));
        assertEquals(2 * Math.tanh(in.step("raw s").value(0)), in.step("s").value(0), 1e-15);
        double xe = x[0] * Math.exp(in.step("s").value(0));
        assertEquals(xe, in.step("x·exp(s)").value(0), 1e-12);
        assertEquals(xe + in.step("t").value(0), in.step("x·exp(s)+t").value(0), 1e-12);
        assertEquals(0.0, in.step("(1−m)·(…)").value(1));
        assertEquals(x[1], in.step("y").value(1), "the conditioning coordinate passes through exactly");
        assertEquals(in.step("s").value(0), in.logDet(), 1e-15);
    }

    @Test
    void conditionerRecomputedInDoubleMatchesPyTorchLayout() {
        // D = 4, explicit non-half mask: checks the gather of x_A and the [raw s | t] split with d_B = 3
        Mask m = Mask.of(false, true, false, false);
        FlowSpec spec = new FlowSpec(4, List.of(m, Mask.of(true, false, true, true), m), new int[] {10, 6}, CouplingType.AFFINE);
        RealNVP flow = trainedIsh(spec, 5);
        float[] p = {0.2f, -0.7f, 1.1f, 0.05f};
        FlowTrace tr = flow.traceForward(p);
        for (int l = 0; l < 3; l++) {
            CouplingInspection in = CouplingInspection.forward(flow, p, l);
            for (int i = 0; i < 4; i++) {
                close(tr.positions()[l + 1][i], in.output()[i], "y l=" + l);
            }
            close(tr.logDets()[l][0], in.logDet(), "ld");
        }
    }

    @Test
    void additiveHasZeroScaleAndNoRawS() {
        RealNVP flow = trainedIsh(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.ADDITIVE), 9);
        CouplingInspection in = CouplingInspection.forward(flow, new float[] {1, 2}, 0);
        assertTrue(in.steps().stream().noneMatch(s -> s.symbol().equals("raw s")));
        assertEquals(0.0, in.step("s").value(1));
        assertEquals(0.0, in.logDet());
        assertEquals(in.step("x").value(1) + in.step("t").value(1), in.step("y").value(1), 1e-12);
    }
}
