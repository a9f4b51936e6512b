package org.flowexplorer.model.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The mixture's numbers as the app's inspector reads them: log p(z) and the responsibilities r_k(z). */
class MixtureComponentsTest {
    private static final MixtureBase.Components TWO = new MixtureBase.Components(new double[] {0.25, 0.75},
            new double[][] {{-2, 0}, {2, 1}}, new double[][] {{1, 0.5}, {2, 1}});

    private static double normal(double x, double mu, double sigma) {
        double u = (x - mu) / sigma;
        return Math.exp(-0.5 * u * u) / (sigma * Math.sqrt(2 * Math.PI));
    }

    @Test
    void logDensityAndResponsibilitiesAreTheMixturesByHand() {
        double[] z = {0.5, 0.3};
        double p1 = 0.25 * normal(0.5, -2, 1) * normal(0.3, 0, 0.5);
        double p2 = 0.75 * normal(0.5, 2, 2) * normal(0.3, 1, 1);
        assertEquals(Math.log(p1 + p2), TWO.logDensity(z), 1e-12);
        double[] r = TWO.responsibilities(z);
        assertEquals(p1 / (p1 + p2), r[0], 1e-12);
        assertEquals(p2 / (p1 + p2), r[1], 1e-12);
        // far out both densities underflow to 0 in linear terms: the wider component takes it, no NaN
        double[] far = TWO.responsibilities(new double[] {-40, 0});
        assertTrue(far[1] > 0.999999 && far[0] >= 0 && far[0] < 1e-6, java.util.Arrays.toString(far));
        assertTrue(Double.isFinite(TWO.logDensity(new double[] {-40, 0})));
    }

    @Test
    void logDensityIsTheFlowsBaseTerm() {
        // a flow's log p(x) is the base's log p(f(x)) plus the log-dets: with the numbers the app reads
        RealNVP flow = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {8}, CouplingType.AFFINE)
                .withBase(BaseDistribution.mixture(3)), 4);
        MixtureBase.Components c = flow.mixtureComponents().orElseThrow();
        float[] x = {0.3f, -0.7f};
        float[] logDet = new float[1];
        float[] z = flow.forward(x, logDet);
        double want = flow.logProb(x)[0];
        assertEquals(want, c.logDensity(new double[] {z[0], z[1]}) + logDet[0], 1e-4);
    }
}
