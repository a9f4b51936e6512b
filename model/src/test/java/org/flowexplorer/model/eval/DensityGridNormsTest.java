package org.flowexplorer.model.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

/** The threaded density of a batch-normalised flow: the replicas must use the model's running statistics too. */
class DensityGridNormsTest {
    @Test
    void threadedDensityEqualsTheModelsOwn() {
        RealNVP model = RealNVP.create(FlowSpec.alternating(2, 3, new int[] {8}, CouplingType.AFFINE).withBatchNorm(true), 1);
        SplittableRandom rng = new SplittableRandom(2);
        double[] b = model.bufferValues();
        for (int i = 0; i < b.length; i++) {
            b[i] = i % 4 < 2 ? rng.nextGaussian() : 0.5 + rng.nextDouble();
        }
        model.setBufferValues(b);
        float[] grid = DensityGrid.gridPoints(100, 100, -3, 3, -3, 3);
        try (DensityGrid density = new DensityGrid(3)) {
            assertArrayEquals(model.logProb(grid), density.logProb(model, grid));
            b[0] += 1; // and when the statistics change, so do the replicas'
            model.setBufferValues(b);
            assertArrayEquals(model.logProb(grid), density.logProb(model, grid));
        }
    }
}
