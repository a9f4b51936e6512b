package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.scene.DensityImage;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.eval.DensityGrid;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The view data computed off the training thread, on a copy of the model, equals what the model itself gives. */
class ViewDataThreadTest {

    private static Experiment experiment() {
        Experiment e = new Experiment(new DatasetSettings(ToyDataset.MOONS, 512, 0.1, 3),
                new ArchitectureSettings(4, new int[] {16, 16}, CouplingType.AFFINE, 1),
                new TrainingConfig(128, 5e-3, 1.0, 0), TrainingWorkerTest.testOptions());
        e.rebuildData();
        e.rebuildModel();
        return e;
    }

    private static ViewDataThread.Result await(ViewDataThread t) throws InterruptedException {
        for (int i = 0; i < 2_000; i++) {
            ViewDataThread.Result r = t.poll();
            if (r != null) {
                return r;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no result within 10 s");
    }

    private static ViewDataThread.Job job(Experiment e, float[] latent, int densityRes) {
        return new ViewDataThread.Job(e.modelVersion(), e.currentStep(), 1e-3, 1.0, e.points().display(),
                e.points().grid(), latent, densityRes, e.points().bounds());
    }

    @Test
    void offThreadTraceSamplesAndDensityEqualTheLiveModelsAfterTrainingMovesIt() throws Exception {
        Experiment e = experiment();
        float[] latent = e.model().baseSample(50, 7);
        try (ViewDataThread t = new ViewDataThread("test-view", System::nanoTime); DensityGrid grid = new DensityGrid(1)) {
            for (int round = 0; round < 2; round++) { // the second round reuses the thread's copy
                for (int s = 0; s < 3; s++) {
                    e.trainStep();
                }
                RealNVP live = e.model();
                ViewDataThread.Job job = job(e, latent, 16);
                t.submit(live, job);
                ViewDataThread.Result off = await(t);
                assertSame(job, off.job());
                FlowTrace points = live.traceForward(e.points().display());
                FlowTrace gridTrace = live.traceForward(e.points().grid());
                for (int l = 0; l <= points.layers(); l++) {
                    assertArrayEquals(points.positions()[l], off.points().positions()[l]);
                    assertArrayEquals(gridTrace.positions()[l], off.grid().positions()[l]);
                }
                assertArrayEquals(live.inverse(latent, null), off.samples());
                DensityImage d = DensityImage.of(grid, live, 16, e.points().bounds());
                assertArrayEquals(d.values(), off.density().values());
                assertTrue(t.idle());
            }
        }
    }

    @Test
    void theCopyFollowsTheModelAndANewArchitectureGetsANewCopy() {
        Experiment e = experiment();
        RealNVP copy = ViewDataThread.refreshed(null, e.model());
        e.trainStep();
        assertSame(copy, ViewDataThread.refreshed(copy, e.model()));
        assertArrayEquals(e.model().parameterValues(), copy.parameterValues());
        Experiment narrower = new Experiment(new DatasetSettings(ToyDataset.MOONS, 512, 0.1, 3),
                new ArchitectureSettings(2, new int[] {8}, CouplingType.AFFINE, 1), TrainingConfig.DEFAULT,
                TrainingWorkerTest.testOptions());
        narrower.rebuildData();
        narrower.rebuildModel();
        RealNVP fresh = ViewDataThread.refreshed(copy, narrower.model());
        assertEquals(narrower.model().spec(), fresh.spec());
        assertArrayEquals(narrower.model().parameterValues(), fresh.parameterValues());
    }

    @Test
    void whilePlayingTheSchedulerShowsTheOffThreadTraceOfTheVersionItHandedOver() throws Exception {
        Experiment e = experiment();
        try (ViewDataScheduler views = new ViewDataScheduler(TrainingWorkerTest.testOptions(), System::nanoTime)) {
            views.setDensityEnabled(true);
            e.trainStep();
            long handedOver = e.modelVersion();
            FlowTrace expected = e.model().traceForward(e.points().display());
            float[][] expectedDensity = {DensityImage.of(new DensityGrid(1), e.model(), 12, e.points().bounds()).values()};
            views.refresh(e, false, 0); // hands the jobs over
            assertNull(views.viewData(e).trace()); // not drawn on this thread
            e.trainStep(); // training goes on meanwhile
            Snapshot.ViewData shown = null;
            for (int i = 0; i < 2_000 && (shown == null || shown.trace() == null || shown.density() == null); i++) {
                Thread.sleep(5);
                views.refresh(e, false, -1); // before the next trace is due: nothing new is handed over
                shown = views.viewData(e);
            }
            assertNotNull(shown.trace());
            assertEquals(handedOver, shown.trace().modelVersion());
            assertArrayEquals(expected.positions()[expected.layers()], shown.trace().positions()[expected.layers()]);
            assertEquals(handedOver, shown.density().modelVersion());
            assertArrayEquals(expectedDensity[0], shown.density().values());
            views.refresh(e, true, 0); // paused: brought up to date here and now
            assertEquals(e.modelVersion(), views.viewData(e).trace().modelVersion());
        }
    }

    @Test
    void afterASlowPausedRefreshTrainingsFirstHeatmapIsHandedOverAtOnce() throws Exception {
        Experiment e = experiment();
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        java.util.function.LongSupplier slowClock = () -> nanos.addAndGet(1_000_000_000L); // every reading 1 s later
        try (ViewDataScheduler views = new ViewDataScheduler(TrainingWorkerTest.testOptions(), slowClock)) {
            views.setDensityEnabled(true);
            views.refresh(e, true, nanos.get()); // paused: a full heatmap that "took" seconds
            e.trainStep();
            views.refresh(e, false, nanos.get()); // playing: not held back by the paused one's time
            Snapshot.Density shown = null;
            for (int i = 0; i < 2_000 && (shown == null || shown.modelVersion() != e.modelVersion()); i++) {
                Thread.sleep(5);
                views.refresh(e, false, Long.MIN_VALUE); // never due again: only the result is taken
                shown = views.viewData(e).density();
            }
            assertEquals(e.modelVersion(), shown.modelVersion());
        }
    }
}
