package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import org.flowexplorer.app.scene.LayerAnatomy;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.app.worker.TrainingWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log-det and Jacobian tab's data follows the stepper's coupling and the query (a real worker on the test thread). */
class LogDetViewModelTest {
    private final TrainingWorker worker = SameThreadWorker.small();
    private final ExplorerViewModel vm = SameThreadWorker.viewModel(worker, new ArrayList<>());
    private final LogDetViewModel logDet = vm.logDet();

    @AfterEach
    void close() {
        worker.close();
    }

    @Test
    void theAnatomyIsTheStepperCouplingsAndTheToggleSwitchesTheMap() {
        SameThreadWorker.round(worker, vm);
        LayerAnatomy a = logDet.anatomyProperty().get();
        assertNotNull(a, "computed with the first trace");
        assertEquals(1, a.layer());
        assertEquals(4, a.layers());
        assertNull(a.query(), "no query point yet");
        assertSame(a.perLayer(), logDet.mapProperty().get());
        assertFalse(a.perLayer().cumulative());
        logDet.cumulativeProperty().set(true);
        assertSame(a.cumulative(), logDet.mapProperty().get());
        assertEquals(81, a.glyphs().count());

        Snapshot same = SameThreadWorker.round(worker, vm);
        assertSame(a, same.view().anatomy(), "nothing changed: the worker shares what it did not recompute");

        vm.layers().layerPositionProperty().set(2.5); // coupling 3
        SameThreadWorker.round(worker, vm);
        LayerAnatomy third = logDet.anatomyProperty().get();
        assertEquals(3, third.layer());
        assertSame(third.cumulative(), logDet.mapProperty().get());
        assertEquals(3, third.cumulative().layer());
        assertSame(third.inputs(), worker.latest().view().trace().positions()[2], "the points at h₂, shared");
    }

    @Test
    void aQueryPointGetsItsWaterfallAtOnce() {
        SameThreadWorker.round(worker, vm);
        vm.plots().queryData(0.5, 0.25);
        Snapshot s = SameThreadWorker.round(worker, vm);
        LayerAnatomy a = logDet.anatomyProperty().get();
        assertNotNull(a.query());
        assertEquals(0.5f, a.query().positions()[0][0], 1e-7);
        assertEquals(4, a.query().layers());
        assertEquals(a.query().modelLogProb(), a.query().total(), 1e-5, "the bars add up to the model's log p(x)");
        assertTrue(s.view().anatomy() == a);
        vm.plots().clearQuery();
        SameThreadWorker.round(worker, vm);
        assertNull(logDet.anatomyProperty().get().query());
    }
}
