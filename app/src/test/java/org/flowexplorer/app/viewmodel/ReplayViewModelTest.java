package org.flowexplorer.app.viewmodel;

import static org.flowexplorer.app.worker.SameNumbers.assertSameNumbers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.ReplayState;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.io.LoadedModel;
import org.flowexplorer.model.io.ModelMetadata;
import org.flowexplorer.model.train.Checkpoint;
import org.junit.jupiter.api.Test;

/**
 * The timeline drives every view model (density, latent, stepper, masks, inspector, log-det map,
 * conditioner curves) to what a window on a model loaded from that checkpoint shows.
 */
class ReplayViewModelTest {
    private final TrainingWorker worker = SameThreadWorker.small();
    private final List<Command> sent = new ArrayList<>();
    private final ExplorerViewModel vm = SameThreadWorker.viewModel(worker, sent);

    private static void sync(TrainingWorker w, ExplorerViewModel v) {
        w.processPending();
        v.accept(w.publishNow());
    }

    /** Every view on, as a user with every tab open would have it. */
    private static void openEverything(TrainingWorker w, ExplorerViewModel v) {
        v.plots().densityVisibleProperty().set(true);
        v.logDet().setVisible(true);
        v.diagnostics().setVisible(true);
        w.submit(new Command.Query(Command.Space.DATA, 0.3, 0.1));
        w.submit(new Command.SetDisplayedLayer(2));
        sync(w, v);
    }

    private static List<Object> everyView(ExplorerViewModel v) {
        return List.of(v.plots().densityProperty().get(), v.plots().latentPointsProperty().get(),
                v.plots().masksProperty().get(), v.plots().queryProperty().get(), v.layers().stepperFrameProperty().get(),
                v.layers().inspectionProperty().get(), v.layers().currentTraceProperty().get(),
                v.logDet().anatomyProperty().get(), v.diagnostics().conditionerProperty().get());
    }

    @Test
    void theTimelineDrivesEveryViewToTheNumbersOfAModelLoadedFromThatCheckpoint() {
        worker.initializeNow();
        openEverything(worker, vm);
        worker.runStepsNow(60);
        sync(worker, vm);
        long[] steps = vm.replay().stepsProperty().get();
        assertEquals(52, steps.length, "every step of 0 … 50, then 55 (61 is the next due)");
        int index = 30;
        vm.replay().show(index);
        assertInstanceOf(Command.ShowCheckpoint.class, sent.get(sent.size() - 1));
        sync(worker, vm);
        assertEquals(30, vm.replay().shownStepProperty().get());
        assertEquals(index, vm.replay().shownIndexProperty().get());
        assertEquals("step 30", vm.replay().label());
        List<Object> shown = everyView(vm);

        CompletableFuture<List<Checkpoint>> cps = new CompletableFuture<>();
        worker.submit(new Command.CaptureCheckpoints(cps));
        worker.processPending();
        Checkpoint c = cps.join().get(index);
        TrainingWorker other = SameThreadWorker.small();
        ExplorerViewModel reference = SameThreadWorker.viewModel(other, new ArrayList<>());
        other.initializeNow();
        other.submit(new Command.LoadModel(new LoadedModel(c.restore(worker.forTesting().model().spec()),
                ModelMetadata.none()), "checkpoint"));
        sync(other, reference);
        openEverything(other, reference);
        List<Object> expected = everyView(reference);
        expected.forEach(org.junit.jupiter.api.Assertions::assertNotNull);
        assertSameNumbers(expected, shown, "views");
    }

    @Test
    void advancingPlaysThroughTheCheckpointsOneFrameAtATimeAndStopsAtTheEnd() {
        worker.runStepsNow(5);
        sync(worker, vm);
        vm.replay().playingProperty().set(true);
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 20 && vm.replay().playingProperty().get(); i++) {
            if (vm.replay().advance()) {
                assertTrue(vm.replay().advance(), "waits while the worker has not shown the frame");
            }
            sync(worker, vm);
            seen.add(vm.replay().shownStepProperty().get());
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 5L), seen);
        assertFalse(vm.replay().playingProperty().get(), "stopped at the newest checkpoint");
    }

    @Test
    void resumeCutsTheLossHistoryAndLiveFollowsTrainingAgain() {
        worker.runStepsNow(20);
        sync(worker, vm);
        vm.replay().show(8);
        sync(worker, vm);
        vm.replay().resumeFromShown();
        sync(worker, vm);
        assertEquals(8, vm.training().stepProperty().get());
        assertEquals(ReplayState.LIVE, vm.replay().shownStepProperty().get());
        assertEquals(8, vm.plots().lossProperty().get().lastStep());
        vm.replay().show(3);
        sync(worker, vm);
        vm.replay().showLive();
        sync(worker, vm);
        assertEquals("live", vm.replay().label());
        assertNotNull(vm.replay().memoryText());
    }

    @Test
    void aSessionSavedWithCheckpointsOpensWithItsTimeline(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        worker.runStepsNow(12);
        sync(worker, vm);
        java.nio.file.Path plain = dir.resolve("plain.session.zip");
        java.nio.file.Path kept = dir.resolve("kept.session.zip");
        vm.files().saveSession(plain);
        sync(worker, vm);
        vm.files().saveCheckpointsProperty().set(true);
        vm.files().saveSession(kept);
        sync(worker, vm);
        assertTrue(org.flowexplorer.model.io.CheckpointFile.load(plain).checkpoints().isEmpty(), "off by default");
        assertTrue(java.nio.file.Files.size(kept) > java.nio.file.Files.size(plain));

        TrainingWorker other = SameThreadWorker.small();
        ExplorerViewModel opened = SameThreadWorker.viewModel(other, new ArrayList<>());
        other.initializeNow();
        opened.files().openSession(kept);
        sync(other, opened);
        assertEquals(13, opened.replay().stepsProperty().get().length, "steps 0 … 12");
        opened.replay().show(4);
        sync(other, opened);
        assertEquals(4, opened.replay().shownStepProperty().get());
    }
}
