package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * stop() interrupts the worker thread; a training step that sees the interrupt throws
 * CancellationException before Adam runs, and the worker must take that as the quiet stop it is,
 * not as a failure to report (which would also cost a full publish on the way out).
 */
class WorkerStopTest {

    @Test
    void stoppingWhileTrainingLeavesNoError() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            TrainingWorker w = TrainingWorkerTest.smallWorker();
            w.start();
            TrainingWorkerTest.awaitTrue(() -> w.latest().phase() == Snapshot.Phase.READY);
            w.submit(new Command.Play());
            TrainingWorkerTest.awaitTrue(() -> w.latest().status().step() > 20);
            assertTrue(w.stop(2000));
            assertEquals("", w.latest().status().error(), "round " + round);
        }
    }
}
