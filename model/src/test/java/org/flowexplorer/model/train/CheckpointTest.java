package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowSpec;
import org.flowexplorer.model.flow.RealNVP;
import org.junit.jupiter.api.Test;

/** A checkpoint gives back the model of its step bit for bit, running statistics included. */
class CheckpointTest {
    private static final FlowSpec SPEC = FlowSpec.alternating(2, 4, new int[] {16, 16}, CouplingType.AFFINE).withBatchNorm(true);

    static float[] data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() * (i % 2 == 0 ? 2 : 0.5));
        }
        return x;
    }

    @Test
    void aRestoredCheckpointGivesBitIdenticalLogProbToTheModelAtThatStep() {
        float[] x = data(400, 1);
        float[] probe = data(300, 2);
        RealNVP model = RealNVP.create(SPEC, 5);
        Trainer trainer = new Trainer(model, x, new TrainingConfig(64, 1e-2, 1.0, 5));
        CheckpointStore store = CheckpointStore.withDefaults();
        Map<Long, float[]> logpThen = new HashMap<>();
        store.offer(0, model);
        logpThen.put(0L, model.logProb(probe));
        for (long s = 1; s <= 120; s++) {
            trainer.step();
            if (store.offer(s, model)) {
                logpThen.put(s, model.logProb(probe));
            }
        }
        assertEquals(logpThen.size(), store.size(), "nothing thinned at this size");
        for (Checkpoint c : store.checkpoints()) {
            float[] restored = c.restore(SPEC).logProb(probe);
            assertArrayEquals(logpThen.get(c.step()), restored, "log p at step " + c.step());
        }
        // restoring into the live model (as "resume from here" does) is just as exact
        Checkpoint at10 = store.atOrBefore(10);
        at10.restoreInto(model);
        assertArrayEquals(logpThen.get(10L), model.logProb(probe));
        assertFalse(Arrays.equals(logpThen.get(10L), logpThen.get(120L)), "training changed log p");
    }

    @Test
    void float64CheckpointsAreExactToo() {
        FlowSpec spec = FlowSpec.alternating(2, 3, new int[] {8}, CouplingType.AFFINE);
        RealNVP model = RealNVP.create(spec, Precision.FLOAT64, 3);
        new Trainer(model, data(200, 3), new TrainingConfig(50, 1e-2, 1.0, 3)).step();
        Checkpoint c = Checkpoint.of(1, model);
        assertEquals(Precision.FLOAT64, c.precision());
        assertEquals(8L * model.parameterCount(), c.bytes());
        float[] probe = data(50, 4);
        assertArrayEquals(model.logProbValues(probe), c.restore(spec).logProbValues(probe));
    }

    @Test
    void aCheckpointIsACopyNotAView() {
        RealNVP model = RealNVP.create(SPEC, 5);
        Checkpoint c = Checkpoint.of(0, model);
        double[] before = c.parameterValues();
        new Trainer(model, data(200, 1), new TrainingConfig(64, 1e-2, 1.0, 5)).step();
        assertArrayEquals(before, c.parameterValues());
        assertEquals(4L * model.parameterCount() + 8L * model.bufferValues().length, c.bytes());
    }

    @Test
    void aCheckpointOfAnotherArchitectureIsRefused() {
        Checkpoint c = Checkpoint.of(0, RealNVP.create(SPEC, 5));
        RealNVP other = RealNVP.create(FlowSpec.alternating(2, 2, new int[] {4}, CouplingType.AFFINE), 1);
        assertThrows(IllegalArgumentException.class, () -> c.restoreInto(other));
    }
}
