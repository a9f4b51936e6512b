package org.flowexplorer.app.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowexplorer.app.io.ImageDensityImport;
import org.flowexplorer.app.scene.LossCurve;
import org.flowexplorer.model.data.PixelDensity;
import org.flowexplorer.model.data.EntropyEstimate;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.eval.HeldOutNll;
import org.junit.jupiter.api.Test;

/** The test NLL's robust summaries and the entropy floor, as the worker publishes them. */
class HeldOutReportTest {
    private static void handle(TrainingWorker w, Command c) {
        w.submit(c);
        w.processPending();
    }

    private static double entropy(ToyDataset set, double noise) {
        return EntropyEstimate.monteCarlo(set, noise, EntropyFloor.SAMPLES, EntropyFloor.SEED).entropyNats();
    }

    @Test
    void floorIsTheEntropyEstimateOfTheCurrentSettings() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.initializeNow();
        Snapshot s = w.publishNow();
        assertEquals(entropy(ToyDataset.MOONS, 0.1), s.lowerBound().getAsDouble(), 0);
        assertEquals("", s.heldOut().noFloorReason());
        handle(w, new Command.ChangeDataset(new DatasetSettings(ToyDataset.MOONS, 512, 0.2, 3)));
        s = w.publishNow();
        assertEquals(entropy(ToyDataset.MOONS, 0.2), s.lowerBound().getAsDouble(), 0);
        assertTrue(s.lowerBound().getAsDouble() > entropy(ToyDataset.MOONS, 0.1) + 0.3, "more noise, more entropy");
        handle(w, new Command.ChangeDataset(new DatasetSettings(ToyDataset.MOONS, 512, 0, 3)));
        s = w.publishNow();
        assertFalse(s.lowerBound().isPresent());
        assertTrue(s.heldOut().noFloorReason().startsWith("no floor: moons has no density at noise 0"),
                s.heldOut().noFloorReason());
    }

    /**
     * The worker thread publishes its first snapshot before the floor and the step-0 test NLL
     * (Experiment.buildForFirstFrame) and adds both before it takes any command: the same values as
     * a build that waits for them.
     */
    @Test
    void theThreadsFirstBuildAddsTheFloorAndTheStepZeroTestNll() throws Exception {
        TrainingWorker waited = TrainingWorkerTest.smallWorker();
        waited.initializeNow();
        Snapshot expected = waited.publishNow();
        TrainingWorker threaded = TrainingWorkerTest.smallWorker();
        threaded.submit(new Command.Play()); // queued before the thread starts: handled after the first build's remainder
        threaded.start();
        try {
            TrainingWorkerTest.awaitTrue(() -> threaded.latest().phase() == Snapshot.Phase.READY
                    && threaded.latest().lowerBound().isPresent() && threaded.latest().status().step() > 0);
            Snapshot s = threaded.latest();
            assertEquals(expected.lowerBound().getAsDouble(), s.lowerBound().getAsDouble(), 0);
            LossCurve test = LossCurve.test(s.loss());
            assertEquals(0, test.steps()[0], "the first test point is step 0's, before any training step");
            assertEquals(expected.status().testNll(), test.values()[0], 1e-6);
            assertEquals(0, s.heldOut().evaluations().step(0));
            assertEquals(expected.status().testNll(), s.heldOut().evaluations().stats(0).mean(), 1e-12);
        } finally {
            threaded.close();
        }
    }

    @Test
    void customDataHaveNoFloor() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.initializeNow();
        handle(w, new Command.SetCustomData(ToyDataset.RINGS.generate(300, 0.05, 1), null));
        Snapshot s = w.publishNow();
        assertTrue(s.customData());
        assertFalse(s.lowerBound().isPresent());
        assertEquals("no floor: the density of your own data is unknown", s.heldOut().noFloorReason());
    }

    @Test
    void imageDataHaveTheImagesExactEntropyAsFloorAndHeldOutPointsFromItsDensity() throws Exception {
        PixelDensity image = ImageDensityImport.readResource(ImageDensityImport.EXAMPLE, true,
                ImageDensityImport.DEFAULT_HALF_WIDTH);
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.initializeNow();
        handle(w, new Command.SetCustomData(image.sample(300, 5), "image letter-f.png", image));
        Snapshot s = w.publishNow();
        assertTrue(s.customData());
        assertEquals(image.entropy(), s.lowerBound().getAsDouble(), 0);
        assertEquals("", s.heldOut().noFloorReason());
        assertEquals(256, s.heldOut().testPoints(), "as many points sampled from the image as a toy set gets");
        // fresh samples: 10 000 new points of the image's density, not a subset of the 300 trained on
        handle(w, new Command.SetFreshTestSamples(true));
        s = w.publishNow();
        assertEquals(Experiment.FRESH_TEST_POINTS, s.heldOut().testPoints());
        assertTrue(s.heldOut().freshSamples());
        // the same points without the density (drawn, or a session saved before): no floor, as before
        handle(w, new Command.SetCustomData(image.sample(300, 5), "image letter-f.png"));
        assertFalse(w.publishNow().lowerBound().isPresent());
    }

    @Test
    void everyTestEvaluationHasItsRobustSummary() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.runStepsNow(30);
        Snapshot s = w.publishNow();
        LossCurve test = LossCurve.test(s.loss());
        HeldOutHistory.View ev = s.heldOut().evaluations();
        assertEquals(4, test.size()); // steps 0, 10, 20, 30
        assertEquals(test.size(), ev.size());
        for (int i = 0; i < ev.size(); i++) {
            HeldOutNll h = ev.stats(i);
            assertEquals(test.steps()[i], ev.step(i));
            assertEquals(test.values()[i], (float) h.mean());
            assertEquals(256, h.n());
            assertTrue(Double.isFinite(h.median()), h.toString());
        }
        assertEquals(ev.stats(ev.size() - 1).mean(), s.status().testNll(), 0);
        assertEquals(256, s.heldOut().testPoints());
    }

    @Test
    void freshSamplesMeasureOnTenThousandPoints() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.initializeNow();
        handle(w, new Command.SetFreshTestSamples(true));
        Snapshot s = w.publishNow();
        assertEquals(Experiment.FRESH_TEST_POINTS, s.heldOut().testPoints());
        assertTrue(s.heldOut().freshSamples());
        w.runStepsNow(50);
        s = w.publishNow();
        // evaluated every 5 × 10 steps: at 0 and 50 only
        assertEquals(2, LossCurve.test(s.loss()).size());
        assertEquals(Experiment.FRESH_TEST_POINTS, s.heldOut().evaluations().stats(1).n());
        handle(w, new Command.SetFreshTestSamples(false));
        assertEquals(256, w.publishNow().heldOut().testPoints());
    }
}
