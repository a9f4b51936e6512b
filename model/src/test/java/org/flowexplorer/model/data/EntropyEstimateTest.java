package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Monte Carlo entropy with the exact density: closed-form cases, determinism, stability across seeds. */
class EntropyEstimateTest {
    @Test
    void checkerboardWithoutNoiseIsLn32() {
        EntropyEstimate e = EntropyEstimate.monteCarlo(ToyDataset.CHECKERBOARD, 0.0, 20_000, 5L);
        assertEquals(Math.log(32.0), e.entropyNats(), 1e-6);
        assertEquals(0.0, e.stderrNats(), 1e-9);
    }

    @Test
    void eightGaussiansIsLn8PlusOneGaussiansEntropy() {
        // the sampler divides by 1.414 (not sqrt 2): component std 0.5/1.414; neighbours are 6 std apart
        double std = 0.5 / 1.414;
        double expected = Math.log(8.0) + Math.log(2.0 * Math.PI * Math.E * std * std);
        EntropyEstimate e = EntropyEstimate.monteCarlo(ToyDataset.EIGHT_GAUSSIANS, 0.5, 100_000, 1L);
        assertEquals(expected, e.entropyNats(), 0.02);
        assertTrue(e.stderrNats() < 0.005, "stderr " + e.stderrNats());
    }

    @Test
    void checkerboardWithNoiseIsAboveLn32() {
        EntropyEstimate e = EntropyEstimate.monteCarlo(ToyDataset.CHECKERBOARD, 0.2, 50_000, 2L);
        assertTrue(e.entropyNats() > Math.log(32.0) + 5 * e.stderrNats(), e.toString());
    }

    @ParameterizedTest
    @EnumSource(ToyDataset.class)
    void deterministicAndStableAcrossSeedsWithin3StandardErrors(ToyDataset dataset) {
        int n = 20_000;
        EntropyEstimate a = EntropyEstimate.monteCarlo(dataset, dataset.defaultNoise(), n, 1L);
        EntropyEstimate b = EntropyEstimate.monteCarlo(dataset, dataset.defaultNoise(), n, 2L);
        assertEquals(a, EntropyEstimate.monteCarlo(dataset, dataset.defaultNoise(), n, 1L));
        double se = Math.hypot(a.stderrNats(), b.stderrNats());
        assertTrue(Math.abs(a.entropyNats() - b.entropyNats()) <= 3 * se + 1e-12,
                dataset + ": " + a.entropyNats() + " vs " + b.entropyNats() + ", combined SE " + se);
        assertTrue(Double.isFinite(a.entropyNats()) && a.stderrNats() >= 0, a.toString());
        assertTrue(a.method().startsWith("monte-carlo with the exact density: "), a.method());
    }

    @Test
    void refusesTooFewSamplesAndNoiseWithoutDensity() {
        assertThrows(IllegalArgumentException.class, () -> EntropyEstimate.monteCarlo(ToyDataset.MOONS, 0.1, 1, 0L));
        assertThrows(IllegalArgumentException.class, () -> EntropyEstimate.monteCarlo(ToyDataset.MOONS, 0.0, 100, 0L));
    }
}
