package org.flowexplorer.app.chart;

import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flowexplorer.app.testing.FxToolkitExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Throttled ("soon") changes wait for their pulse; immediate ones, and anything with them, redraw on flush. */
@ExtendWith(FxToolkitExtension.class)
class RedrawSchedulerTest {

    @Test
    void aSoonChangeWaitsForItsPulseAnImmediateOneRedrawsAtOnce() throws Exception {
        onFx(() -> {
            int[] redraws = {0};
            RedrawScheduler s = new RedrawScheduler(() -> redraws[0]++);
            s.flush(); // the first draw
            assertEquals(1, redraws[0]);
            s.markDirtySoon();
            s.flush(); // a layout pass: the growing curve waits for its pulse
            assertEquals(1, redraws[0]);
            s.markDirty();
            s.flush(); // e.g. a resize: everything is drawn, the pending data too
            assertEquals(2, redraws[0]);
            s.flush();
            assertEquals(2, redraws[0]);
            s.markDirtySoon();
            s.redrawNow(); // an export sees the newest data
            assertEquals(3, redraws[0]);
            return null;
        });
    }
}
