package org.flowexplorer.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Neural Spline Flows sets' entropies from their closed forms, against Monte Carlo with the exact density. */
class PlaneDensitiesTest {

    @ParameterizedTest
    @EnumSource(value = ToyDataset.class, names = {"DIAMOND", "CRESCENT", "SINE_WAVE", "FOUR_CIRCLES"})
    void closedFormEntropyMatchesMonteCarlo(ToyDataset set) {
        for (double noise : new double[] {set.defaultNoise(), 2 * set.defaultNoise()}) {
            double exact = ToyDensity.of(set, noise).exactEntropy().orElseThrow();
            EntropyEstimate mc = EntropyEstimate.monteCarlo(set, noise, 200_000, 3);
            System.out.printf(Locale.ROOT, "%-12s noise %.4f: closed form %.5f, Monte Carlo %.5f +- %.5f%n", set.id(), noise,
                    exact, mc.entropyNats(), mc.stderrNats());
            assertEquals(mc.entropyNats(), exact, 4 * mc.stderrNats() + 1e-4, set.id() + " at noise " + noise);
        }
    }

    @Test
    void theClosedFormsAtTheReferenceNoise() {
        assertEquals(Math.log(2 * Math.PI), ToyDensity.of(ToyDataset.CRESCENT).exactEntropy().orElseThrow(), 1e-12);
        assertEquals(Math.log(2 * Math.PI), ToyDensity.of(ToyDataset.SINE_WAVE).exactEntropy().orElseThrow(), 1e-12);
        // 400 Gaussians of std 0.04 barely overlap: close to ln 400 + ln(2πe·0.04²)
        double separated = Math.log(400) + Math.log(2 * Math.PI * Math.E * 0.04 * 0.04);
        assertEquals(separated, ToyDensity.of(ToyDataset.DIAMOND).exactEntropy().orElseThrow(), 0.01);
        assertEquals(Math.log(32), ToyDensity.of(ToyDataset.CHECKERBOARD, 0).exactEntropy().orElseThrow(), 1e-12);
        assertFalse(ToyDensity.of(ToyDataset.MOONS).exactEntropy().isPresent());
    }

    @Test
    void besselI0MatchesItsSeriesOnBothSidesOfTheSwitch() {
        for (double z : new double[] {0, 0.5, 5, 29.9, 30.1, 60, 400}) {
            double series = 0, term = 1;
            for (int k = 0; k < 2000; k++) {
                if (k > 0) {
                    term *= (z / 2) * (z / 2) / ((double) k * k);
                }
                series += term * Math.exp(-Math.min(z, 300));
            }
            double expected = Math.log(series) + Math.min(z, 300);
            assertEquals(expected, PlaneDensities.logBesselI0(z), 1e-9 * Math.max(1, expected), "z = " + z);
        }
        assertTrue(PlaneDensities.logRing(2, 2, 0.1) > PlaneDensities.logRing(2.3, 2, 0.1));
    }
}
