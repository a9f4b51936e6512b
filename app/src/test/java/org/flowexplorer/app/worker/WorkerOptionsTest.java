package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.flowexplorer.model.eval.DensityGrid;
import org.junit.jupiter.api.Test;

class WorkerOptionsTest {

    @Test
    void theDefaultsAreTheAppsTuning() {
        TrainingWorker.Options o = TrainingWorker.Options.defaults();
        assertEquals(new TrainingWorker.Options(10_000, 2_000, 50, 256, 128, 500, 16, 15, 48, 0.12, 0.08, 8, 1.0, 0.05, 55,
                DensityGrid.defaultThreads()), o);
        assertEquals(o, o.toBuilder().build(), "toBuilder keeps every setting");
    }

    @Test
    void namedSettingsChangeOnlyTheirFields() {
        TrainingWorker.Options o = TrainingWorker.Options.builder().maxDisplayPoints(400).testPoints(256, 10)
                .grid(5, 9).densityThreads(1).build();
        assertEquals(400, o.maxDisplayPoints());
        assertEquals(256, o.testPoints());
        assertEquals(10, o.testEvery());
        assertEquals(5, o.gridLines());
        assertEquals(9, o.gridPointsPerLine());
        assertEquals(256, o.densityResolutionIdle(), "untouched: the default");
        assertEquals(new TrainingWorker.Options(400, 256, 10, 48, 24, 500, 16, 5, 9, 0.12, 0.08, 8, 1.0, 0.05, 55, 1),
                o.withDensityResolution(48, 24));
        assertThrows(IllegalArgumentException.class, () -> TrainingWorker.Options.builder().densityThreads(0).build());
        assertThrows(IllegalArgumentException.class, () -> TrainingWorker.Options.builder().traceBudget(10, 0).build());
    }
}
