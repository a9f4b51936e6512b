package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The worker's logic on the calling thread (no display, no sleeps), plus one threaded lifecycle test. */
class TrainingWorkerTest {

    static TrainingWorker.Options testOptions() {
        return new TrainingWorker.Options(400, 256, 10, 24, 12, 0, 0, 5, 9, 0.33, 4, 1.0, 0.05);
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
        assertEquals(0, s.step());
        assertEquals(400, s.points().length / 2);
        assertEquals(4, s.trace().layers());
        FlowTrace expected = w.modelForTesting().traceForward(s.points());
        assertArrayEquals(s.points(), s.trace().positions()[0]);
        assertArrayEquals(expected.positions()[4], s.trace().positions()[4], 1e-6f);
        assertEquals(4, s.masks().length);
        assertNotEquals(s.masks()[0][0], s.masks()[1][0]);
        assertEquals(10, s.gridLines());
        assertEquals(10 * 9 * 2, s.grid().positions()[0].length);
        assertEquals(1, s.testLoss().size()); // step-0 evaluation
    }

    @Test
    void trainingLowersTheLossAndSeriesViewsStayImmutable() {
        TrainingWorker w = smallWorker();
        w.initializeNow();
        double nll0 = w.publishNow().testNll();
        w.runStepsNow(20);
        Snapshot early = w.publishNow();
        float[] prefix = java.util.Arrays.copyOf(early.trainLoss().values(), early.trainLoss().size());
        w.runStepsNow(280);
        Snapshot late = w.publishNow();
        assertEquals(300, late.step());
        assertEquals(300, late.trainLoss().size());
        assertEquals(31, late.testLoss().size());
        assertTrue(late.testNll() < nll0 - 0.3, "test NLL " + nll0 + " -> " + late.testNll());
        assertTrue(late.trainNll() < early.trainNll(), early.trainNll() + " -> " + late.trainNll());
        assertArrayEquals(prefix, java.util.Arrays.copyOf(early.trainLoss().values(), early.trainLoss().size()));
    }

    @Test
    void learningRateChangeAppliesToTheNextStepWithoutReset() {
        TrainingWorker a = smallWorker();
        TrainingWorker b = smallWorker();
        a.runStepsNow(10);
        b.runStepsNow(10);
        double[] a0 = a.modelForTesting().parameterValues();
        double[] b0 = b.modelForTesting().parameterValues();
        assertArrayEquals(a0, b0);
        a.submit(new Command.SetLearningRate(5e-2));
        a.processPending();
        assertEquals(5e-2, a.trainerForTesting().config().learningRate());
        assertEquals(10, a.trainerForTesting().steps()); // no reset
        a.runStepsNow(1);
        b.runStepsNow(1);
        double ratio = dist(a.modelForTesting().parameterValues(), a0) / dist(b.modelForTesting().parameterValues(), b0);
        assertEquals(10, ratio, 0.5); // Adam's update is proportional to lr
        assertEquals(5e-2, a.publishNow().learningRate());
    }

    @Test
    void batchSizeChangeAppliesWithoutReset() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(3);
        w.submit(new Command.SetBatchSize(32));
        w.processPending();
        assertEquals(32, w.trainerForTesting().config().batchSize());
        assertEquals(3, w.trainerForTesting().steps());
    }

    @Test
    void samplesAreInversesOfTheirLatentDraws() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(30);
        w.submit(new Command.Sample(200, 9));
        w.processPending();
        Snapshot s = w.publishNow();
        assertNotNull(s.samples());
        assertEquals(400, s.samples().data().length);
        RealNVP m = w.modelForTesting();
        assertArrayEquals(m.inverse(s.samples().latent(), null), s.samples().data(), 1e-6f);
        w.submit(new Command.Sample(0, 0));
        w.processPending();
        assertNull(w.publishNow().samples());
    }

    @Test
    void latentQueryIsPulledBackThroughEveryLayer() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(30);
        w.submit(new Command.Query(Command.Space.LATENT, 0.5, -1.25));
        w.processPending();
        Snapshot s = w.publishNow();
        Snapshot.QueryResult q = s.query();
        assertEquals(10, q.path().length);
        float[] x = w.modelForTesting().inverse(new float[] {0.5f, -1.25f}, null);
        assertEquals(x[0], q.dataX(), 1e-6);
        assertEquals(x[1], q.dataY(), 1e-6);
        assertEquals(0.5, q.latentX(), 1e-6);
        assertEquals(-1.25, q.latentY(), 1e-6);
        assertTrue(q.roundTripError() < 1e-4, "round trip " + q.roundTripError());

        w.submit(new Command.Query(Command.Space.DATA, 0.3, 0.2));
        w.processPending();
        q = w.publishNow().query();
        float[] z = w.modelForTesting().forward(new float[] {0.3f, 0.2f}, null);
        assertEquals(z[0], q.latentX(), 1e-5);
        assertEquals(z[1], q.latentY(), 1e-5);
        // the query follows training
        w.runStepsNow(5);
        q = w.publishNow().query();
        z = w.modelForTesting().forward(new float[] {0.3f, 0.2f}, null);
        assertEquals(z[0], q.latentX(), 1e-5);
        w.submit(new Command.ClearQuery());
        w.processPending();
        assertNull(w.publishNow().query());
    }

    @Test
    void architectureAndDatasetChangesResetWithANotice() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(12);
        int run = w.publishNow().runId();
        w.submit(new Command.ChangeArchitecture(new ArchitectureSettings(6, new int[] {8}, CouplingType.ADDITIVE, 2)));
        w.processPending();
        Snapshot s = w.publishNow();
        assertEquals(0, s.step());
        assertNotEquals(run, s.runId());
        assertEquals(6, s.trace().layers());
        assertEquals(6, s.masks().length);
        assertTrue(s.notice().contains("Architecture changed"), s.notice());
        assertEquals(1, s.testLoss().size());

        w.submit(new Command.ChangeDataset(new DatasetSettings(ToyDataset.CHECKERBOARD, 300, 0, 5)));
        w.processPending();
        s = w.publishNow();
        assertEquals(ToyDataset.CHECKERBOARD, s.dataset().set());
        assertEquals(300, s.points().length / 2);
        assertEquals(Math.log(32), s.lowerBound().getAsDouble(), 1e-12);
        assertTrue(s.notice().contains("checkerboard"), s.notice());
    }

    @Test
    void densityIsComputedOnRequestOverTheDataBounds() {
        TrainingWorker w = smallWorker();
        w.initializeNow();
        assertNull(w.publishNow().density());
        w.submit(new Command.SetDensity(true));
        w.processPending();
        Snapshot s = w.publishNow();
        assertNotNull(s.density());
        assertEquals(24, s.density().width());
        assertEquals(24 * 24, s.density().values().length);
        Snapshot.Bounds b = s.density().bounds();
        float[] corner = {(float) b.xmin(), (float) b.ymin()};
        assertEquals(Math.exp(w.modelForTesting().logProb(corner)[0]), s.density().values()[0], 1e-6);
    }

    @Test
    void resetRestartsTheRun() {
        TrainingWorker w = smallWorker();
        w.runStepsNow(5);
        double[] before = w.modelForTesting().parameterValues();
        w.submit(new Command.Reset());
        w.processPending();
        Snapshot s = w.publishNow();
        assertEquals(0, s.step());
        assertEquals(0, s.trainLoss().size());
        assertFalse(java.util.Arrays.equals(before, w.modelForTesting().parameterValues()));
        assertArrayEquals(RealNVP.create(w.modelForTesting().spec(), 1).parameterValues(),
                w.modelForTesting().parameterValues());
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
        awaitTrue(() -> w.latest().step() > 20);
        w.submit(new Command.Pause());
        awaitTrue(() -> !w.latest().playing());
        long stepped = w.latest().step();
        Thread.sleep(150);
        assertEquals(stepped, w.latest().step());
        w.submit(new Command.Play());
        awaitTrue(() -> w.latest().step() > stepped + 5);
        long t0 = System.nanoTime();
        assertTrue(w.stop(2000));
        assertFalse(t.isAlive());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "stop took too long");
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
