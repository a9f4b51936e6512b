package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.scene.Bounds;
import org.flowexplorer.app.scene.LossCurve;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The worker's logic on the calling thread (no display, no sleeps), plus one threaded lifecycle test. */
class TrainingWorkerTest {

    static TrainingWorker.Options testOptions() {
        return TrainingWorker.Options.builder().maxDisplayPoints(400).testPoints(256, 10)
                    .densityResolution(24, 12).densityBudget(0, 0.08).publishIntervalMillis(0).grid(5, 9)
                    .traceBudget(0, 0.33).stepSliceMillis(4).densityThreads(1).build();
    }

    /** Queues {@code c} and handles it now, on this thread (the worker loop is not running). */
    private static void handle(TrainingWorker w, Command c) {
        w.submit(c);
        w.processPending();
    }

    static TrainingWorker smallWorker() {
        return new TrainingWorker(new DatasetSettings(ToyDataset.MOONS, 512, 0.1, 3),
                new ArchitectureSettings(4, new int[] {16, 16}, CouplingType.AFFINE, 1),
                new TrainingConfig(128, 5e-3, 1.0, 0), testOptions(), System::nanoTime);
    }

    @Test
    void startsPreparingThenReadyWithTraceMatchingTheModel() {
        TrainingWorker w = smallWorker();
        assertEquals(Snapshot.Phase.PREPARING, w.latest().phase());
        w.initializeNow();
        Snapshot s = w.publishNow();
        assertEquals(Snapshot.Phase.READY, s.phase());
        assertEquals(0, s.status().step());
        assertEquals(400, s.view().points().length / 2);
        assertEquals(4, s.view().trace().layers());
        FlowTrace expected = w.forTesting().model().traceForward(s.view().points());
        assertArrayEquals(s.view().points(), s.view().trace().positions()[0]);
        assertArrayEquals(expected.positions()[4], s.view().trace().positions()[4], 1e-6f);
        assertEquals(4, s.view().masks().length);
        assertNotEquals(s.view().masks()[0][0], s.view().masks()[1][0]);
        assertEquals(10, s.view().gridLines());
        assertEquals(10 * 9 * 2, s.view().grid().positions()[0].length);
        assertEquals(1, LossCurve.test(s.loss()).size()); // step-0 evaluation
    }

    @Test
    void trainingLowersTheLossAndSeriesViewsStayImmutable() {
        TrainingWorker w = smallWorker();
        w.initializeNow();
        double nll0 = w.publishNow().status().testNll();
        w.runStepsNow(20);
        Snapshot early = w.publishNow();
        float[] prefix = java.util.Arrays.copyOf(LossCurve.train(early.loss()).values(), LossCurve.train(early.loss()).size());
        w.runStepsNow(280);
        Snapshot late = w.publishNow();
        assertEquals(300, late.status().step());
        assertEquals(300, LossCurve.train(late.loss()).size());
        assertEquals(31, LossCurve.test(late.loss()).size());
        assertTrue(late.status().testNll() < nll0 - 0.3, "test NLL " + nll0 + " -> " + late.status().testNll());
        assertTrue(late.status().trainNll() < early.status().trainNll(), early.status().trainNll() + " -> " + late.status().trainNll());
        assertArrayEquals(prefix, java.util.Arrays.copyOf(LossCurve.train(early.loss()).values(), LossCurve.train(early.loss()).size()));
    }

    @Test
    void learningRateChangeAppliesToTheNextStepWithoutReset() {
        TrainingWorker a = smallWorker();
        TrainingWorker b = smallWorker();
        a.runStepsNow(10);
        b.runStepsNow(10);
        double[] a0 = a.forTesting().model().parameterValues();
        double[] b0 = b.forTesting().model().parameterValues();
        assertArrayEquals(a0, b0);
        handle(a, new Command.SetLearningRate(5e-2));
        assertEquals(5e-2, a.forTesting().trainer().config().learningRate());
        assertEquals(10, a.forTesting().trainer().steps()); // no reset
        a.runStepsNow(1);
        b.runStepsNow(1);
        double ratio = dist(a.forTesting().model().parameterValues(), a0) / dist(b.forTesting().model().parameterValues(), b0);
        assertEquals(10, ratio, 0.5); // Adam's update is proportional to lr
        assertEquals(5e-2, a.publishNow().settings().learningRate());
    }

    @Test
    void batchSizeChangeAppliesWithoutReset() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(3);
        handle(w, new Command.SetBatchSize(32));
        assertEquals(32, w.forTesting().trainer().config().batchSize());
        assertEquals(3, w.forTesting().trainer().steps());
    }

    @Test
    void samplesAreInversesOfTheirLatentDraws() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(30);
        handle(w, new Command.Sample(200, 9));
        Snapshot s = w.publishNow();
        assertNotNull(s.view().samples());
        assertEquals(400, s.view().samples().data().length);
        RealNVP m = w.forTesting().model();
        assertArrayEquals(m.inverse(s.view().samples().latent(), null), s.view().samples().data(), 1e-6f);
        handle(w, new Command.Sample(0, 0));
        assertNull(w.publishNow().view().samples());
    }

    @Test
    void latentQueryIsPulledBackThroughEveryLayer() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(30);
        handle(w, new Command.Query(Command.Space.LATENT, 0.5, -1.25));
        Snapshot s = w.publishNow();
        Snapshot.QueryResult q = s.view().query();
        assertEquals(10, q.path().length);
        float[] x = w.forTesting().model().inverse(new float[] {0.5f, -1.25f}, null);
        assertEquals(x[0], q.dataX(), 1e-6);
        assertEquals(x[1], q.dataY(), 1e-6);
        assertEquals(0.5, q.latentX(), 1e-6);
        assertEquals(-1.25, q.latentY(), 1e-6);
        assertTrue(q.roundTripError() < 1e-4, "round trip " + q.roundTripError());

        handle(w, new Command.Query(Command.Space.DATA, 0.3, 0.2));
        q = w.publishNow().view().query();
        float[] z = w.forTesting().model().forward(new float[] {0.3f, 0.2f}, null);
        assertEquals(z[0], q.latentX(), 1e-5);
        assertEquals(z[1], q.latentY(), 1e-5);
        // the query follows training
        w.runStepsNow(5);
        q = w.publishNow().view().query();
        z = w.forTesting().model().forward(new float[] {0.3f, 0.2f}, null);
        assertEquals(z[0], q.latentX(), 1e-5);
        handle(w, new Command.ClearQuery());
        assertNull(w.publishNow().view().query());
    }

    @Test
    void architectureAndDatasetChangesResetWithANotice() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(12);
        int run = w.publishNow().runId();
        handle(w, new Command.ChangeArchitecture(new ArchitectureSettings(6, new int[] {8}, CouplingType.ADDITIVE, 2)));
        Snapshot s = w.publishNow();
        assertEquals(0, s.status().step());
        assertNotEquals(run, s.runId());
        assertEquals(6, s.view().trace().layers());
        assertEquals(6, s.view().masks().length);
        assertTrue(s.status().notice().contains("Architecture changed"), s.status().notice());
        assertEquals(1, LossCurve.test(s.loss()).size());

        handle(w, new Command.ChangeDataset(new DatasetSettings(ToyDataset.CHECKERBOARD, 300, 0, 5)));
        s = w.publishNow();
        assertEquals(ToyDataset.CHECKERBOARD, s.settings().dataset().set());
        assertEquals(300, s.view().points().length / 2);
        assertEquals(Math.log(32), s.lowerBound().getAsDouble(), 1e-12);
        assertTrue(s.status().notice().contains("checkerboard"), s.status().notice());
    }

    @Test
    void densityIsComputedOnRequestOverTheDataBounds() {
        TrainingWorker w = smallWorker();
        w.initializeNow();
        assertNull(w.publishNow().view().density());
        handle(w, new Command.SetDensity(true));
        Snapshot s = w.publishNow();
        assertNotNull(s.view().density());
        assertEquals(24, s.view().density().width());
        assertEquals(24 * 24, s.view().density().values().length);
        Bounds b = s.view().density().bounds();
        float[] corner = {(float) b.xmin(), (float) b.ymin()};
        assertEquals(Math.exp(w.forTesting().model().logProb(corner)[0]), s.view().density().values()[0], 1e-6);
    }

    @Test
    void resetRestartsTheRun() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(5);
        double[] before = w.forTesting().model().parameterValues();
        handle(w, new Command.Reset());
        Snapshot s = w.publishNow();
        assertEquals(0, s.status().step());
        assertEquals(0, LossCurve.train(s.loss()).size());
        assertFalse(java.util.Arrays.equals(before, w.forTesting().model().parameterValues()));
        assertArrayEquals(RealNVP.create(w.forTesting().model().spec(), 1).parameterValues(),
                w.forTesting().model().parameterValues());
    }

    @Test
    void threadPlaysPausesAndStopsPromptly() throws Exception {
        TrainingWorker w = smallWorker();
        w.start();
        Thread t = w.thread();
        assertTrue(t.isDaemon());
        assertEquals(TrainingWorker.THREAD_NAME, t.getName());
        awaitTrue(() -> w.latest().phase() == Snapshot.Phase.READY);
        w.submit(new Command.Play());
        awaitTrue(() -> w.latest().status().step() > 20);
        w.submit(new Command.Pause());
        awaitTrue(() -> !w.latest().status().playing());
        long stepped = w.latest().status().step();
        Thread.sleep(150);
        assertEquals(stepped, w.latest().status().step());
        w.submit(new Command.Play());
        awaitTrue(() -> w.latest().status().step() > stepped + 5);
        long t0 = System.nanoTime();
        assertTrue(w.stop(2000));
        assertFalse(t.isAlive());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "stop took too long");
    }

    static TrainingWorker worker(double learningRate) {
        return new TrainingWorker(new DatasetSettings(ToyDataset.MOONS, 512, 0.1, 3),
                new ArchitectureSettings(4, new int[] {16, 16}, CouplingType.AFFINE, 1),
                new TrainingConfig(128, learningRate, 1.0, 0), testOptions(), System::nanoTime);
    }

    @Test
    void aStepThatGoesNonFiniteIsUndoneTrainingPausesAndPlayGoesOn() {
        // 1e39 is a valid (finite) learning rate whose float32 update overflows every parameter
        TrainingWorker w = worker(1e39);
        handle(w, new Command.Play());
        assertTrue(w.isPlaying());
        double[] before = w.forTesting().model().parameterValues();
        w.runStepsNow(5);
        Snapshot s = w.publishNow();
        assertFalse(s.status().playing(), "training paused by itself");
        assertEquals(0, s.status().step(), "the bad step does not count");
        assertArrayEquals(before, w.forTesting().model().parameterValues(), "parameters as before the bad step, bit for bit");
        assertEquals(0, w.forTesting().trainer().steps(), "Adam's state restored");
        Divergence d = s.status().divergence();
        assertNotNull(d);
        assertEquals(Divergence.Kind.NON_FINITE, d.kind());
        assertTrue(d.undone());
        assertEquals(d.message(), s.status().error());
        assertTrue(d.message().contains("parameters became non-finite") && d.message().contains("undone")
                && d.message().contains("lower learning rate") && d.message().contains("clip"), d.message());
        assertSnapshotFinite(s);

        // no Reset needed: a sane rate and Play go on from the restored state
        w.submit(new Command.SetLearningRate(5e-3));
        handle(w, new Command.Play());
        w.runStepsNow(20);
        s = w.publishNow();
        assertTrue(s.status().playing());
        assertEquals(20, s.status().step());
        assertEquals("", s.status().error());
        assertNull(s.status().divergence());
        assertTrue(Double.isFinite(s.status().trainNll()));
        assertSnapshotFinite(s);
    }

    @Test
    void explodingButFiniteLossPausesOnceWithAMessage() {
        TrainingWorker w = worker(1.0); // lr 1.0 on moons: the loss jumps to ~1e5 within a few steps
        handle(w, new Command.Play());
        w.runStepsNow(50);
        Snapshot s = w.publishNow();
        assertFalse(s.status().playing());
        Divergence d = s.status().divergence();
        assertNotNull(d, "paused at step " + s.status().step());
        assertEquals(Divergence.Kind.EXPLODING, d.kind());
        assertFalse(d.undone());
        assertTrue(d.step() < 50 && d.message().contains("diverging"), d.message());
        assertSnapshotFinite(s);
        // Play again: the user chose to go on, so the same kind of warning does not stop it again
        handle(w, new Command.Play());
        long at = s.status().step();
        w.runStepsNow(10);
        s = w.publishNow();
        assertEquals(at + 10, s.status().step());
        assertSnapshotFinite(s);
    }

    /** Everything a plot could receive is a finite number. */
    private static void assertSnapshotFinite(Snapshot s) {
        Snapshot.ViewData v = s.view();
        assertFinite(v.points());
        for (float[] layer : v.trace().positions()) {
            assertFinite(layer);
        }
        for (float[] layer : v.grid().positions()) {
            assertFinite(layer);
        }
        assertFinite(LossCurve.train(s.loss()).values());
        assertFinite(LossCurve.test(s.loss()).values());
    }

    private static void assertFinite(float[] a) {
        for (int i = 0; i < a.length; i++) {
            assertTrue(Float.isFinite(a[i]), "entry " + i + " is " + a[i]);
        }
    }

    /**
     * Batch 64: one step takes ~0.3 s here. Until FlowEngine stops between layers when interrupted,
     * close waits for the step in progress, and at batch 256 (1.2–1.6 s a step here) it could not
     * return within a second; the worker already treats the CancellationException as a clean stop.
     */
    @Test
    void closeDuringABigStepReturnsWithinASecond() throws Exception {
        TrainingWorker w = new TrainingWorker(new DatasetSettings(ToyDataset.MOONS, 2048, 0.1, 3),
                new ArchitectureSettings(8, new int[] {1024, 1024}, CouplingType.AFFINE, 1),
                new TrainingConfig(256, 1e-4, 1.0, 0), // the app's batch: one step takes over a second here
                testOptions().toBuilder().maxDisplayPoints(64).grid(3, 4).build(), System::nanoTime);
        w.start();
        awaitTrue(() -> w.latest().phase() == Snapshot.Phase.READY);
        w.submit(new Command.Play());
        awaitTrue(() -> w.latest().status().step() >= 1);
        Thread t = w.thread();
        long t0 = System.nanoTime();
        w.close();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertFalse(t.isAlive(), "the worker thread ended");
        assertTrue(millis < 1_000, "close took " + millis + " ms"); // the step in progress is abandoned between layers
    }

    static void awaitTrue(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(5);
        }
    }

    private static double dist(double[] a, double[] b) {
        double acc = 0;
        for (int i = 0; i < a.length; i++) {
            acc += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(acc);
    }
}
