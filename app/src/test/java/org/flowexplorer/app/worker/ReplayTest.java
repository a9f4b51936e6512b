package org.flowexplorer.app.worker;

import static org.flowexplorer.app.worker.SameNumbers.assertSameNumbers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.io.LoadedModel;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.teach.CouplingInspection;
import org.flowexplorer.model.train.Checkpoint;
import org.junit.jupiter.api.Test;

/** The worker's replay: checkpoints while training, every view at a checkpoint, resuming from one. */
class ReplayTest {
    private static void handle(TrainingWorker w, Command c) {
        w.submit(c);
        w.processPending();
    }

    /** Every view on: density, samples, a query point, the inspector, the log-det and conditioner tabs. */
    private static void showEverything(TrainingWorker w) {
        handle(w, new Command.SetDensity(true));
        handle(w, new Command.Sample(50, 9));
        handle(w, new Command.Query(Command.Space.DATA, 0.4, -0.2));
        handle(w, new Command.SetInspection(2, CouplingInspection.Direction.FORWARD));
        handle(w, new Command.SetDisplayedLayer(2));
        handle(w, new Command.ShowLayerAnatomy(true));
        handle(w, new Command.ShowDiagnostics(true));
    }

    private static List<Checkpoint> checkpoints(TrainingWorker w) {
        CompletableFuture<List<Checkpoint>> result = new CompletableFuture<>();
        handle(w, new Command.CaptureCheckpoints(result));
        return result.join();
    }

    @Test
    void trainingKeepsCheckpointsOnTheSchedule() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.runStepsNow(70);
        ReplayState r = w.publishNow().replay();
        long[] expected = new long[54];
        for (int i = 0; i <= 50; i++) {
            expected[i] = i;
        }
        expected[51] = 55;
        expected[52] = 61;
        expected[53] = 67;
        assertArrayEquals(expected, r.steps());
        assertFalse(r.showing());
        assertTrue(r.bytes() > 0 && r.bytes() <= r.boundBytes());
    }

    @Test
    void theTimelineDrivesEveryViewToTheNumbersOfAModelLoadedFromThatCheckpoint() {
        TrainingWorker replayed = TrainingWorkerTest.smallWorker();
        showEverything(replayed);
        replayed.runStepsNow(80);
        Snapshot live = replayed.publishNow();
        handle(replayed, new Command.ShowCheckpoint(58)); // → the checkpoint at 55
        Snapshot shown = replayed.publishNow();
        assertEquals(55, shown.replay().shownStep());
        assertEquals(80, shown.status().step(), "training stays where it was");
        assertFalse(shown.status().playing());

        Checkpoint c = checkpoints(replayed).stream().filter(k -> k.step() == 55).findFirst().orElseThrow();
        TrainingWorker loaded = TrainingWorkerTest.smallWorker();
        loaded.initializeNow();
        RealNVP like = loaded.forTesting().model();
        handle(loaded, new Command.LoadModel(new LoadedModel(c.restore(like.spec()), ModelMetadata.none()), "c55"));
        showEverything(loaded); // a loaded model starts a new run, which clears the samples
        Snapshot reference = loaded.publishNow();

        assertNotNull(reference.view().density());
        assertNotNull(reference.view().anatomy());
        assertNotNull(reference.view().diagnostics());
        assertNotNull(reference.inspector().inspection());
        assertSameNumbers(reference.view(), shown.view(), "view");
        assertSameNumbers(reference.inspector(), shown.inspector(), "inspector");
        // and the views really moved: the live model's density differs
        assertFalse(java.util.Arrays.equals(live.view().density().values(), shown.view().density().values()));

        handle(replayed, new Command.ShowCheckpoint(ReplayState.LIVE));
        assertSameNumbers(live.view(), replayed.publishNow().view(), "back to live");
    }

    @Test
    void playingAfterShowingACheckpointContinuesTheLiveModel() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.runStepsNow(20);
        handle(w, new Command.ShowCheckpoint(5));
        w.runStepsNow(1);
        Snapshot s = w.publishNow();
        assertEquals(21, s.status().step());
        assertFalse(s.replay().showing());
    }

    @Test
    void resumingCutsTheHistoryAndTheCheckpointsThereAndTrainsOnFromThatState() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.runStepsNow(40);
        Checkpoint at30 = checkpoints(w).get(30);
        int runBefore = w.publishNow().runId();
        handle(w, new Command.ResumeFrom(30));
        Snapshot s = w.publishNow();
        assertEquals(30, s.status().step());
        assertEquals(30, s.loss().lastStep());
        assertEquals(31, s.replay().steps().length, "checkpoints 0 … 30");
        assertTrue(s.runId() != runBefore, "a new run: the chart redraws the cut curve");
        assertArrayEquals(at30.parameterValues(), w.forTesting().model().parameterValues());
        w.runStepsNow(5);
        Snapshot after = w.publishNow();
        assertEquals(35, after.status().step());
        assertEquals(35, after.loss().lastStep());
        assertEquals(36, after.replay().steps().length);
    }

    @Test
    void restoredCheckpointsFromAFileComeBeforeTheRunsOwn() {
        TrainingWorker w = TrainingWorkerTest.smallWorker();
        w.runStepsNow(10);
        List<Checkpoint> saved = checkpoints(w);
        TrainingWorker opened = TrainingWorkerTest.smallWorker();
        opened.initializeNow();
        handle(opened, new Command.LoadModel(new LoadedModel(saved.get(10).restore(w.forTesting().model().spec()),
                ModelMetadata.none().withTraining(org.flowexplorer.model.train.TrainingConfig.DEFAULT, 10)), "m"));
        handle(opened, new Command.RestoreCheckpoints(saved));
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, opened.publishNow().replay().steps());
    }
}
