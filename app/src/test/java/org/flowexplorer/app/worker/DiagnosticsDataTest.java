package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.model.eval.LayerHealth;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.teach.ConditionerCurves;
import org.flowexplorer.model.teach.CouplingInspection;
import org.junit.jupiter.api.Test;

/** The worker publishes the conditioner curves of the stepper's coupling and the health numbers of the model shown. */
class DiagnosticsDataTest {

    private static void handle(TrainingWorker w, Command c) {
        w.submit(c);
        w.processPending();
    }

    @Test
    void snapshotsCarryTheCurvesOfTheInspectedCouplingAndTheHealthOfTheModelShown() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        handle(w, new Command.ShowDiagnostics(true));
        w.initializeNow();
        w.runStepsNow(40);
        handle(w, new Command.SetInspection(2, CouplingInspection.Direction.FORWARD));
        Snapshot s = w.publishNow();
        Diagnostics d = s.view().diagnostics();
        assertNotNull(d);
        RealNVP model = w.forTesting().model();
        assertEquals(2, d.conditioner().layer());
        ConditionerCurves expected = ConditionerCurves.of(model, s.view().trace().flowTrace(), 2, null,
                ConditionerCurves.DEFAULT_POINTS, ConditionerCurves.DEFAULT_BINS);
        assertArrayEquals(expected.inputs(), d.conditioner().inputs());
        assertArrayEquals(expected.curves().get(0).s(), d.conditioner().curves().get(0).s());
        assertArrayEquals(expected.curves().get(0).t(), d.conditioner().curves().get(0).t());
        LayerHealth h = d.layers();
        assertEquals(400, h.probePoints(), "all 400 displayed points fit the 512-point probe");
        assertArrayEquals(LayerHealth.of(model, model.traceForward(s.view().points())).maxAbsScale(), h.maxAbsScale(), 1e-6);
        assertTrue(h.roundTripMax() < 1e-4, "round trip " + h.roundTripMax());
        assertEquals(40, d.clipping().recentSteps());
        assertEquals(w.forTesting().trainer().lastGradientNorm(), d.clipping().gradientNorm());
        assertTrue(d.millis() >= 0);

        assertSame(d, w.publishNow().view().diagnostics(), "nothing changed: the same object, so no view redraws");
        handle(w, new Command.SetInspection(0, CouplingInspection.Direction.FORWARD));
        Diagnostics other = w.publishNow().view().diagnostics();
        assertNotSame(d, other);
        assertEquals(0, other.conditioner().layer());
        assertSame(h, other.layers(), "the health numbers stay those of the trace");

        handle(w, new Command.Query(Command.Space.DATA, 0.5, 0.25));
        ConditionerCurves withQuery = w.publishNow().view().diagnostics().conditioner();
        assertEquals(0.5, withQuery.queryValue(), 1e-6, "layer 0's input is the data point itself");
        assertFalse(withQuery.slice());
    }

    @Test
    void curvesFollowTheModelWhileTraining() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        handle(w, new Command.ShowDiagnostics(true));
        w.initializeNow();
        Diagnostics before = w.publishNow().view().diagnostics();
        for (double t : before.conditioner().curves().get(0).t()) {
            assertEquals(0.0, t, "an untrained coupling is the identity: t = 0");
        }
        w.runStepsNow(30);
        Snapshot s = w.publishNow();
        Diagnostics after = s.view().diagnostics();
        assertEquals(s.view().trace().modelVersion(), after.modelVersion(), "the health of the model traced");
        assertNotSame(before.layers(), after.layers());
        assertTrue(after.conditioner().curves().get(0).t()[0] != 0.0, "trained: t moved");
    }

    @Test
    void whileTheTabIsHiddenOnlyACouplingChangeIsComputed() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.initializeNow();
        Diagnostics first = w.publishNow().view().diagnostics();
        assertNotNull(first, "the tab opens ready");
        w.runStepsNow(10);
        assertSame(first, w.publishNow().view().diagnostics(), "hidden: new traces cost nothing");
        handle(w, new Command.SetInspection(3, CouplingInspection.Direction.FORWARD));
        Diagnostics moved = w.publishNow().view().diagnostics();
        assertEquals(3, moved.conditioner().layer());
        w.runStepsNow(5);
        assertSame(moved, w.publishNow().view().diagnostics());
        handle(w, new Command.ShowDiagnostics(true));
        Diagnostics shown = w.publishNow().view().diagnostics();
        assertNotSame(moved, shown, "shown: up to date with the latest trace");
        assertEquals(w.publishNow().view().trace().modelVersion(), shown.modelVersion());
    }
}
