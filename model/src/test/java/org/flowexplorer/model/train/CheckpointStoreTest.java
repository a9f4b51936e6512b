package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.model.Precision;
import org.junit.jupiter.api.Test;

/** The store's memory bound over a long run, and how it thins. */
class CheckpointStoreTest {
    /** The seed's reference flow: 8 affine couplings of [256, 256], 0.5 M float32 parameters. */
    private static final int SEED_PARAMETERS = org.flowexplorer.model.flow.RealNVP.create(
            org.flowexplorer.model.flow.FlowSpec.alternating(2, 8, new int[] {256, 256},
                    org.flowexplorer.model.flow.CouplingType.AFFINE), 0).parameterCount();
    /** The app's default flow: 8 affine couplings of [64, 64]. */
    private static final int APP_PARAMETERS = org.flowexplorer.model.flow.RealNVP.create(
            org.flowexplorer.model.flow.FlowSpec.alternating(2, 8, new int[] {64, 64},
                    org.flowexplorer.model.flow.CouplingType.AFFINE), 0).parameterCount();

    @Test
    void theDocumentedFiguresHold() {
        assertEquals(534_544, SEED_PARAMETERS, "0.5 M parameters, 2.14 MB per float32 checkpoint");
        assertEquals(35_344, APP_PARAMETERS);
        CheckpointStore store = CheckpointStore.withDefaults();
        long app = Checkpoint.bytesFor(APP_PARAMETERS, 0, Precision.FLOAT32);
        assertEquals(256 * app, store.boundBytes(app), "256 checkpoints of 141 kB = 36.2 MB");
    }

    @Test
    void theScheduleIsDenseEarlyThenLogarithmicPlusEveryN() {
        CheckpointSchedule s = CheckpointSchedule.DEFAULT;
        for (long i = 0; i <= 50; i++) {
            assertTrue(s.isDue(i), "every early step, " + i);
        }
        long due = 0;
        for (long i = 51; i <= 100_000; i++) {
            due += s.isDue(i) ? 1 : 0;
        }
        // log_1.1(100000/50) ≈ 80 powers plus 100 multiples of 1000 (a few coincide)
        assertTrue(due > 150 && due < 185, "due after step 50: " + due);
        assertTrue(s.isDue(2000) && s.isDue(55) && !s.isDue(54) && !s.isDue(1999));
    }

    @Test
    void memoryStaysWithinItsBoundOver100000StepsOfTheSeedConfig() {
        CheckpointStore store = CheckpointStore.withDefaults();
        long perCheckpoint = Checkpoint.bytesFor(SEED_PARAMETERS, 0, Precision.FLOAT32);
        long bound = store.boundBytes(perCheckpoint);
        assertEquals(64L << 20, bound, "the documented bound: 64 MiB");
        double[] params = new double[SEED_PARAMETERS];
        long max = 0;
        for (long step = 0; step <= 100_000; step++) {
            if (store.schedule().isDue(step)) {
                params[(int) (step % SEED_PARAMETERS)] = step; // synthetic, distinct per step
                store.add(Checkpoint.ofValues(step, Precision.FLOAT32, params, new double[0]));
                max = Math.max(max, store.bytes());
            }
        }
        assertTrue(max <= bound, "peak " + max + " bytes over the bound " + bound);
        assertEquals(31, store.size(), "64 MiB / 2.13 MB");
        long[] steps = store.steps();
        assertEquals(0, steps[0], "the initial model is kept");
        assertEquals(100_000, steps[steps.length - 1], "the newest is kept");
        // spread on a log axis: no two neighbours more than ~3× the even log gap apart
        double even = Math.log1p(100_000) / (steps.length - 1);
        for (int i = 1; i < steps.length; i++) {
            double gap = Math.log1p(steps[i]) - Math.log1p(steps[i - 1]);
            assertTrue(gap < 3 * even, "gap " + steps[i - 1] + " → " + steps[i]);
        }
    }

    @Test
    void theCountLimitBoundsSmallModels() {
        CheckpointStore store = new CheckpointStore(CheckpointSchedule.DEFAULT, 20, Long.MAX_VALUE);
        double[] p = new double[10];
        for (long step = 0; step <= 100_000; step++) {
            if (store.schedule().isDue(step)) {
                store.add(Checkpoint.ofValues(step, Precision.FLOAT32, p, new double[4]));
            }
            assertTrue(store.size() <= 20);
        }
        assertEquals(20 * Checkpoint.bytesFor(10, 4, Precision.FLOAT32), store.bytes());
        assertEquals(store.bytes(), store.boundBytes(Checkpoint.bytesFor(10, 4, Precision.FLOAT32)));
    }

    @Test
    void atOrBeforeAndTruncation() {
        CheckpointStore store = CheckpointStore.withDefaults();
        for (long step : new long[] {0, 5, 9, 40}) {
            store.add(Checkpoint.ofValues(step, Precision.FLOAT32, new double[] {step}, new double[0]));
        }
        assertNull(new CheckpointStore(CheckpointSchedule.DEFAULT, 2, 0).atOrBefore(3));
        assertEquals(5, store.atOrBefore(8).step());
        assertEquals(40, store.atOrBefore(1_000).step());
        assertEquals(9, store.atOrBefore(9).step());
        store.truncateAfter(9);
        assertArrayEquals(new long[] {0, 5, 9}, store.steps());
        assertEquals(3 * 4, store.bytes());
    }
}
