package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StepClockTest {
    private static final long MS = 1_000_000L;

    @Test
    void countsOnlyTimeSpentPlayingAndFindsTheStepReachedByThen() {
        StepClock c = new StepClock();
        c.observe(1, 0, false, 0);
        c.observe(1, 100 * MS, true, 0); // just started: the paused interval before does not count
        c.observe(1, 200 * MS, true, 10);
        c.observe(1, 300 * MS, true, 20);
        c.observe(1, 5_000 * MS, false, 20); // paused for a long time
        c.observe(1, 6_000 * MS, true, 20);
        c.observe(1, 6_100 * MS, true, 30);
        assertEquals(300 * MS, c.elapsedNanos(), "100 + 100 ms of training, then the interval that ended paused, then 100 ms");
        assertEquals(0, c.stepAt(50 * MS));
        assertEquals(10, c.stepAt(100 * MS));
        assertEquals(10, c.stepAt(150 * MS));
        assertEquals(20, c.stepAt(299 * MS));
        assertEquals(30, c.stepAt(300 * MS));
    }

    @Test
    void aNewRunStartsTheClockAgain() {
        StepClock c = new StepClock();
        c.observe(1, 0, true, 0);
        c.observe(1, 500 * MS, true, 50);
        c.observe(2, 600 * MS, true, 0);
        c.observe(2, 700 * MS, true, 5);
        assertEquals(100 * MS, c.elapsedNanos());
        assertEquals(5, c.stepAt(100 * MS));
    }
}
