package org.flowexplorer.app.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.flowexplorer.model.train.LossSnapshot;
import org.junit.jupiter.api.Test;

class CompareVerdictTest {
    private static final double N = Double.NaN;

    /** Test NLL at steps 0, 50, 100 (and 150 on the longer side). */
    private static final LossSnapshot A = LossSnapshot.of(new long[] {0, 50, 100, 150}, new double[] {N, 3, 2.5, 2.2},
            new double[] {4.0, 3.0, 2.6, 2.3});
    private static final LossSnapshot B = LossSnapshot.of(new long[] {0, 50, 100}, new double[] {N, 3.1, 2.9},
            new double[] {4.0, 3.2, 2.9});

    @Test
    void equalStepsComparesTheLastTestBothSidesReached() {
        String line = CompareVerdict.line(new CompareVerdict.Side("A", A, -1), new CompareVerdict.Side("B", B, -1),
                Double.NaN, OptionalDouble.empty());
        assertEquals("Equal steps (100): A 2.600 vs B 2.900 nats → A lower by 0.300", line);
    }

    @Test
    void equalTimeUsesTheStepsEachSideHadReachedAndTheFloorGivesKlGaps() {
        String line = CompareVerdict.line(new CompareVerdict.Side("A", A, 60), new CompareVerdict.Side("B", B, 100),
                12.0, OptionalDouble.of(2.0));
        assertEquals("Equal steps (100): A 2.600 vs B 2.900 nats → A lower by 0.300 (KL gap 0.600 vs 0.900)"
                + " · equal time (12.0 s, steps 60 vs 100): A 3.000 vs B 2.900 nats → B lower by 0.100", line);
    }

    @Test
    void beforeAnyTrainingThereIsNothingToCompare() {
        LossSnapshot start = LossSnapshot.of(new long[] {0}, new double[] {N}, new double[] {4.0});
        String line = CompareVerdict.line(new CompareVerdict.Side("A", start, 0), new CompareVerdict.Side("B", B, 0),
                1, OptionalDouble.empty());
        assertTrue(line.startsWith("Train both models"), line);
        assertEquals(-1, CompareVerdict.lastTestStep(null));
        assertTrue(Double.isNaN(CompareVerdict.testAt(B, -1)));
    }
}
