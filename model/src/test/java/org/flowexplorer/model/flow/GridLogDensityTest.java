package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.junit.jupiter.api.Test;

/**
 * The grid path ({@link RealNVP#gridLogProb}, the first coupling's conditioner shared per column
 * or row) gives the flow's own log p at the grid's points, for every kind of first coupling the
 * app builds: either half mask, each coupling type, norms and mixers after it, a mixture base.
 */
class GridLogDensityTest {
    private static final int GW = 64, GH = 80;

    private static RealNVP perturbed(FlowSpec spec, Precision precision) {
        RealNVP m = RealNVP.create(spec, precision, 5);
        double[] p = m.parameterValues();
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.1 * (r.nextDouble() - 0.5); // the last Linears start at zero: make every term count
        }
        m.setParameters(p);
        return m;
    }

    private static float[] axis(int n, float min, float step) {
        float[] v = new float[n];
        for (int j = 0; j < n; j++) {
            v[j] = min + j * step;
        }
        return v;
    }

    private static final float[] XS = axis(GW, -3.5f, 0.11f), YS = axis(GH, -2.5f, 0.07f);

    private static float[] points(int from, int to) {
        float[] xy = new float[2 * (to - from)];
        for (int node = from; node < to; node++) {
            xy[2 * (node - from)] = XS[node % GW];
            xy[2 * (node - from) + 1] = YS[node / GW];
        }
        return xy;
    }

    /** Grid nodes from..to against logProb of the same points, within float32 rounding. */
    private static void assertMatches(RealNVP m, int from, int to) {
        float[] out = new float[GW * GH];
        m.gridLogProb(XS, YS, from, to, out);
        float[] direct = m.logProb(points(from, to));
        for (int i = 0; i < direct.length; i++) {
            assertEquals(direct[i], out[from + i], 2e-5f * (1 + Math.abs(direct[i])), "node " + (from + i) + " of " + m.spec());
        }
    }

    @Test
    void equalsLogProbForEachCouplingAndFirstMask() {
        Mask xFirst = Mask.alternating(2, 0), yFirst = Mask.alternating(2, 1);
        assertArrayEquals(new int[] {0}, xFirst.conditioningIndicesView()); // the seed's first mask conditions on x
        for (CouplingType type : CouplingType.values()) {
            for (List<Mask> masks : List.of(List.of(xFirst, yFirst, xFirst), List.of(yFirst, xFirst, yFirst))) {
                RealNVP m = perturbed(new FlowSpec(2, masks, new int[] {64, 64}, type), Precision.FLOAT32);
                assertMatches(m, 0, GW * GH);
                assertMatches(m, 37, 1500); // a range that starts and ends inside grid rows
            }
        }
    }

    @Test
    void bitEqualToLogProbWhenTheProductsRunInJava() {
        // The Java product kernels (hidden widths up to 128) round each row alike however many rows
        // they are given, so the shared conditioner's outputs are the very numbers each point's own
        // would be: identical, not close. (Wider products go to OpenBLAS, whose rounding depends on
        // the row count: those are within float32 rounding, see the next test.)
        for (int[] hidden : new int[][] {{64, 64}, {48}, {32, 128}}) {
            RealNVP m = perturbed(FlowSpec.alternating(2, 4, hidden, CouplingType.AFFINE), Precision.FLOAT32);
            float[] out = new float[GW * GH];
            m.gridLogProb(XS, YS, 0, GW * GH, out);
            assertArrayEquals(m.logProb(points(0, GW * GH)), out, java.util.Arrays.toString(hidden));
        }
    }

    @Test
    void equalsLogProbWhenTheProductsRunInOpenBlas() {
        assertMatches(perturbed(FlowSpec.alternating(2, 3, new int[] {256, 256}, CouplingType.AFFINE), Precision.FLOAT32), 0, GW * GH);
    }

    @Test
    void equalsLogProbWithBlocksAfterTheFirstCouplingAndAMixtureBase() {
        FlowSpec base = FlowSpec.alternating(2, 3, new int[] {16}, CouplingType.AFFINE);
        for (FlowSpec spec : List.of(base.withNorm(Norm.ACT).withMixer(Mixer.LU), base.withBatchNorm(true).withMixer(Mixer.ROTATION),
                base.withBase(BaseDistribution.mixture(3)))) {
            RealNVP m = perturbed(spec, Precision.FLOAT32);
            double[] b = m.bufferValues();
            for (int i = 0; i < b.length; i++) {
                b[i] += 0.05 * (i % 3); // running statistics away from 0 and 1, and unequal
            }
            m.setBufferValues(b);
            assertMatches(m, 0, GW * GH);
        }
    }

    @Test
    void equalsLogProbInFloat64() {
        RealNVP m = perturbed(FlowSpec.alternating(2, 4, new int[] {32, 32}, CouplingType.AFFINE), Precision.FLOAT64);
        assertMatches(m, 5, GW * GH - 3);
    }

    @Test
    void refusesNodesOutsideTheGrid() {
        RealNVP m = perturbed(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE), Precision.FLOAT32);
        float[] out = new float[GW * GH + 1];
        assertThrows(IllegalArgumentException.class, () -> m.gridLogProb(XS, YS, 0, GW * GH + 1, out));
    }
}
