package org.flowexplorer.app.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.scene.HealthSummary.Level;
import org.flowexplorer.model.eval.LayerHealth;
import org.flowexplorer.model.train.ClippingReport;
import org.junit.jupiter.api.Test;

class HealthSummaryTest {
    private static LayerHealth layers(double saturated, double roundTrip) {
        return new LayerHealth(100, 100, new double[] {0.5, 1.95}, new double[] {0, saturated},
                new double[] {-0.2, -1.9}, new double[] {0.3, 1.95}, roundTrip);
    }

    @Test
    void healthyFiguresGiveNoWarnings() {
        HealthSummary s = HealthSummary.of(layers(0.01, 2e-6), new ClippingReport(0.4, 1.0, 0.1, 100), 3.2, null);
        assertEquals(Level.OK, s.worst());
        assertTrue(s.warnings().isEmpty());
        assertEquals(2, s.layers().size());
        assertEquals(2, s.layers().get(1).layer());
        assertTrue(s.figures().stream().anyMatch(f -> f.value().equals("10 % of the last 100")), s.figures().toString());
    }

    @Test
    void saturationRoundTripAndClippingWarnAmberThenRed() {
        HealthSummary amber = HealthSummary.of(layers(0.10, 5e-4), new ClippingReport(2.0, 1.0, 0.8, 100), 3, null);
        assertEquals(Level.AMBER, amber.worst());
        assertEquals(3, amber.warnings().size(), amber.warnings().toString());
        assertTrue(amber.warnings().stream().anyMatch(w -> w.text().startsWith("Layer 2: 10 % of points have |s| > 1.9")));
        HealthSummary red = HealthSummary.of(layers(0.5, 0.05), new ClippingReport(50.0, 1.0, 1.0, 100), 3, null);
        assertEquals(Level.RED, red.worst());
        assertEquals(Level.RED, red.warnings().get(0).level(), "worst first");
        assertEquals(2, red.warnings().stream().filter(w -> w.level() == Level.RED).count(), red.warnings().toString());
        assertTrue(red.warnings().stream().anyMatch(w -> w.level() == Level.AMBER && w.text().contains("50.0× the clip")),
                "steady clipping is worth watching, not a failure: Adam rescales the gradient anyway");
        HealthSummary broken = HealthSummary.of(null, new ClippingReport(Double.NaN, 1.0, 1.0, 10), 3, null);
        assertEquals(Level.RED, broken.worst());
    }

    @Test
    void aRollbackOfTheGuardStaysListedAfterPlayingOn() {
        HealthSummary.GuardEvent past = new HealthSummary.GuardEvent(120, true, false, "the loss became non-finite.");
        HealthSummary s = HealthSummary.of(null, null, Double.NaN, past);
        assertEquals(Level.RED, s.worst());
        assertEquals("Divergence guard rolled back step 120: the loss became non-finite.", s.warnings().get(0).text());
        assertEquals("rolled back step 120 (played on)", s.figures().get(0).value());
        assertEquals("— (not training)", s.figures().get(1).value());
    }
}
