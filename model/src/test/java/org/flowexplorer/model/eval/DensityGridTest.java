package org.flowexplorer.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

class DensityGridTest {

    private static RealNVP randomFlow(long seed) {
        RealNVP m = RealNVP.create(FlowSpec.alternating(2, 4, new int[]{16, 16}, CouplingType.AFFINE), seed);
        double[] p = m.parameterValues();
        Random r = new Random(seed);
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextGaussian() * 0.2;
        }
        m.setParameters(p);
        return m;
    }

    @Test
    void gridNodesSpanTheBoundsRowZeroAtYmin() {
        float[] g = DensityGrid.gridPoints(3, 2, -1, 1, 10, 20);
        assertEquals(-1f, g[0]);
        assertEquals(10f, g[1]);
        assertEquals(1f, g[4]);
        assertEquals(20f, g[2 * 3 + 1]);
        assertThrows(IllegalArgumentException.class, () -> DensityGrid.gridPoints(1, 5, 0, 1, 0, 1));
    }

    @Test
    void parallelEvaluationEqualsTheModelsOwn() {
        RealNVP m = randomFlow(3);
        try (DensityGrid serial = new DensityGrid(1); DensityGrid parallel = new DensityGrid(3)) {
            float[] a = serial.logDensity(m, 101, 97, -3, 3, -2, 4);
            float[] b = parallel.logDensity(m, 101, 97, -3, 3, -2, 4);
            float[] direct = m.logProb(DensityGrid.gridPoints(101, 97, -3, 3, -2, 4));
            assertEquals(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                assertEquals(direct[i], a[i], 1e-5f * (1 + Math.abs(direct[i])), "node " + i); // chunked
                assertEquals(direct[i], b[i], 1e-5f * (1 + Math.abs(direct[i])), "node " + i);
            }
            // Replicas follow parameter changes of the model.
            RealNVP other = randomFlow(4);
            m.setParameters(other.parameterValues());
            float[] c = parallel.logDensity(m, 101, 97, -3, 3, -2, 4);
            float[] expect = other.logProb(DensityGrid.gridPoints(101, 97, -3, 3, -2, 4));
            for (int i = 0; i < c.length; i++) {
                assertEquals(expect[i], c[i], 1e-5f * (1 + Math.abs(expect[i])), "node " + i);
            }
        }
    }
}
