package org.flowexplorer.app.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.JacobianChain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The log-det and Jacobian view data against the model's own numbers. */
class LayerAnatomyTest {
    private static final int LAYERS = 4;
    private static final Bounds BOX = new Bounds(-2.5, 2.5, -2, 3);

    /** Every parameter random (the last Linears too): far from the identity, like a trained flow. */
    static RealNVP farFromIdentity(CouplingType type, long seed) {
        FlowSpec spec = FlowSpec.alternating(2, LAYERS, new int[] {16, 16}, type);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] p = new double[RealNVP.create(spec, seed).parameterCount()];
        java.util.Arrays.setAll(p, i -> (float) (rng.nextGaussian() * 0.25));
        return RealNVP.withParameters(spec, org.flowexplorer.model.Precision.FLOAT32, p);
    }

    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void theMapsAreTheModelsPerLayerLogDetsAtTheGridPoints(CouplingType type) {
        RealNVP flow = farFromIdentity(type, 21);
        float[] x = LogDetMap.grid(BOX, 12);
        FlowTrace t = flow.traceForward(x);
        for (int k = 1; k <= LAYERS; k++) {
            // layer k's map over its input plane: at the grid nodes h_{k-1} of the data grid's own trace
            Bounds input = Bounds.squareAround(t.positions()[k - 1], 0.01, 0.15);
            LogDetMap own = LogDetMap.perLayer(flow, k, input, 12);
            float[] nodes = LogDetMap.grid(input, 12);
            FlowTrace back = flow.traceInverse(pushBackThrough(flow, nodes, k));
            for (int i = 0; i < nodes.length / 2; i++) {
                // the model's log-det of layer k at the data point whose h_{k-1} is this node
                float[] x0 = {back.positions()[0][2 * i], back.positions()[0][2 * i + 1]};
                FlowTrace at = flow.traceForward(x0);
                assertEquals(at.logDets()[k - 1][0], own.values()[i], 2e-4, "k=" + k + " node " + i);
            }
            LogDetMap cum = LogDetMap.cumulative(flow, k, BOX, 12);
            for (int i = 0; i < x.length / 2; i++) {
                double sum = 0;
                for (int l = 0; l < k; l++) {
                    sum += t.logDets()[l][i];
                }
                assertEquals(sum, cum.values()[i], 1e-5, "cumulative k=" + k + " node " + i);
            }
            assertTrue(own.maxAbs() > 0 || type == CouplingType.ADDITIVE);
        }
    }

    /** z whose inverse trace starts at h_{k−1} = nodes: the nodes pushed forward through layers k…L. */
    private static float[] pushBackThrough(RealNVP flow, float[] nodes, int k) {
        float[] h = nodes;
        for (int l = k - 1; l < LAYERS; l++) {
            h = flow.layers().get(l).traceForward(h).positions()[1];
        }
        return h;
    }

    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void glyphsAndQueryMatricesAreFiniteDifferenceJacobians(CouplingType type) {
        RealNVP flow = farFromIdentity(type, 8);
        double[] params = flow.parameterValues();
        for (int k = 1; k <= LAYERS; k++) {
            JacobianGlyphs g = JacobianGlyphs.of(flow, params, k, BOX, 5);
            assertEquals(25, g.count());
            for (int n = 0; n < g.count(); n++) {
                double[] fd = JacobianChain.centralDifferences(flow, params,
                        new double[] {g.sources()[2 * n], g.sources()[2 * n + 1]}, k, 1e-5);
                for (int i = 0; i < 4; i++) {
                    relativelyClose(fd[i], g.matrices()[4 * n + i], "glyph " + n + " k=" + k);
                }
                double[] outline = g.ellipse(n, 4); // θ = 0: centre + J·(r, 0)
                assertEquals(g.centres()[2 * n] + g.matrices()[4 * n] * g.radius(), outline[0], 1e-6);
                assertEquals(g.centres()[2 * n + 1] + g.matrices()[4 * n + 2] * g.radius(), outline[1], 1e-6);
            }
            QueryAnatomy q = QueryAnatomy.of(flow, params, 0.4, -0.7, k);
            assertNotNull(q);
            for (int i = 0; i < 4; i++) {
                relativelyClose(q.differences()[i], q.product()[i], "query composed k=" + k);
            }
            assertEquals(k, q.layerMatrices().length);
        }
    }

    @ParameterizedTest
    @EnumSource(CouplingType.class)
    void theWaterfallAddsUpToTheModelsLogDensity(CouplingType type) {
        RealNVP flow = farFromIdentity(type, 3);
        double[] params = flow.parameterValues();
        for (double[] p : new double[][] {{0.1, 0.2}, {-1.7, 2.2}, {2.4, -1.9}}) {
            QueryAnatomy q = QueryAnatomy.of(flow, params, p[0], p[1], LAYERS);
            float[] x = {(float) p[0], (float) p[1]};
            double model = -flow.meanNll(x);
            assertEquals(flow.logProb(x)[0], model, 1e-6 * Math.max(1, Math.abs(model)), "the float32 log p(x) too");
            assertEquals(model, q.total(), 1e-5, "bars sum to log p(x)");
            assertEquals(model, q.modelLogProb(), 0.0);
            FlowTrace t = flow.traceForward(x);
            for (int l = 0; l < LAYERS; l++) {
                assertEquals(t.logDets()[l][0], q.layerLogDets()[l], 0.0, "bar " + (l + 1) + " is the trace's log-det");
            }
        }
        assertNull(QueryAnatomy.of(flow, params, Double.NaN, 0, 1), "a point the model cannot follow has no anatomy");
    }

    private static void relativelyClose(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-3 * Math.max(1e-3, Math.abs(expected)),
                what + ": expected " + expected + " got " + actual);
    }

    /** Over a mixture base the first bar is log p_base(z) of the mixture, not log N(z; 0, I): the bars still add up. */
    @org.junit.jupiter.api.Test
    void overAMixtureBaseTheWaterfallStillAddsUpToTheModelsLogDensity() {
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, LAYERS, new int[] {8}, CouplingType.AFFINE)
                .withBase(org.flowexplorer.model.flow.BaseDistribution.mixture(3)), 5);
        float[] x = {0.6f, -1.1f};
        QueryAnatomy q = QueryAnatomy.of(flow, flow.parameterValues(), x[0], x[1], LAYERS);
        assertEquals(-flow.meanNll(x), q.total(), 1e-5, "bars sum to log p(x)");
        double[] z = q.positions()[LAYERS];
        assertEquals(flow.mixtureComponents().orElseThrow().logDensity(z), q.logBase(), 1e-9);
    }

    /** The waterfall's words name the model's own base: N(z; 0, I) only when the base is the standard normal. */
    @org.junit.jupiter.api.Test
    void theWaterfallsBaseTermNamesTheModelsOwnBase() {
        FlowSpec spec = FlowSpec.alternating(2, LAYERS, new int[] {8}, CouplingType.AFFINE);
        RealNVP mixture = RealNVP.create(spec.withBase(org.flowexplorer.model.flow.BaseDistribution.mixture(3)), 5);
        QueryAnatomy m = QueryAnatomy.of(mixture, mixture.parameterValues(), 0.6, -1.1, LAYERS);
        assertEquals(3, m.baseComponents());
        assertEquals("log p_base(z)", m.baseTerm());
        assertEquals("p_base", m.baseBarLabel());
        assertTrue(m.baseName().contains("mixture of 3"), m.baseName());
        RealNVP standard = RealNVP.create(spec, 5);
        QueryAnatomy s = QueryAnatomy.of(standard, standard.parameterValues(), 0.6, -1.1, LAYERS);
        assertEquals(0, s.baseComponents());
        assertEquals("log N(z; 0, I)", s.baseTerm());
        assertEquals("N(z)", s.baseBarLabel());
    }
}
