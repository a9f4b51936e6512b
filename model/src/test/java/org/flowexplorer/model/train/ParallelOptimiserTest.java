package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.flowexplorer.model.Precision;
import org.flowexplorer.model.nn.Numerics;
import org.flowexplorer.model.nn.ParameterStore;
import org.junit.jupiter.api.Test;

/** Clipping's norm and Adam over parameter ranges on several threads, against the one-thread pass. */
class ParallelOptimiserTest {
    private static final int SIZE = 200_003; // not a multiple of the vector length or of the parts

    private static ParameterStore<float[]> store(long seed) {
        @SuppressWarnings("unchecked")
        ParameterStore<float[]> s = new ParameterStore<>((Numerics<float[]>) Numerics.of(Precision.FLOAT32), SIZE);
        Random rng = new Random(seed);
        for (int i = 0; i < SIZE; i++) {
            s.values()[i] = (float) rng.nextGaussian();
            s.gradients()[i] = (float) (rng.nextGaussian() * 1e-2);
        }
        return s;
    }

    @Test
    void adamOnThreeRangesIsTheOneThreadStepBitForBit() {
        ParameterStore<float[]> one = store(1), three = store(1);
        Adam<float[]> a1 = new Adam<>(one), a3 = new Adam<>(three);
        for (int step = 0; step < 3; step++) {
            a1.step(1e-3, 0.7);
            a3.step(1e-3, 0.7, 3);
        }
        assertArrayEquals(one.values(), three.values());
        assertEquals(a1.steps(), a3.steps());
    }

    @Test
    void theNormFromRangesEqualsTheOneThreadNormToFloatRounding() {
        ParameterStore<float[]> s = store(2);
        double whole = GradientClipping.totalNorm(s);
        // the SIMD sum of squares adds float lanes within blocks of 1024: ranges cut those blocks elsewhere
        assertEquals(whole, GradientClipping.totalNorm(s, 3), 1e-7 * whole);
        assertEquals(whole, GradientClipping.totalNorm(s, 1), 0.0, "one part is the one-thread pass");
    }
}
