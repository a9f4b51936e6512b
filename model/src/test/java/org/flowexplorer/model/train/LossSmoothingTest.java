package org.flowexplorer.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LossSmoothingTest {

    @Test
    void biasCorrectedMovingAverage() {
        LossSmoothing s = new LossSmoothing(0.05);
        assertTrue(Double.isNaN(s.value()));
        assertEquals(4.0, s.add(4.0), 1e-12, "the first value is not pulled towards 0");
        double ema = 0.05 * 4.0 * 0.95 + 0.05 * 2.0;
        assertEquals(ema / (1 - 0.95 * 0.95), s.add(2.0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LossSmoothing(0));
    }

    @Test
    void continuesFromTheLastRecordedTrainingValue() {
        LossHistory h = new LossHistory();
        h.append(0, Double.NaN, 3.0);
        h.append(1, 2.5, Double.NaN);
        h.append(2, Double.NaN, 2.9);
        LossSmoothing s = LossSmoothing.continuing(h.snapshot(), 0.1);
        assertEquals(2.5, s.value(), 1e-12);
        assertEquals(0.1 * 1.0 + 0.9 * 2.5, s.add(1.0), 1e-12);
        assertTrue(Double.isNaN(LossSmoothing.continuing(LossSnapshot.empty(), 0.1).value()));
    }
}
