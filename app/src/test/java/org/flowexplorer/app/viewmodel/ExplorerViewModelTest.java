package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The view model against a real worker driven on the test thread (no display, no sleeps). */
class ExplorerViewModelTest {

    private final TrainingWorker worker = new TrainingWorker(new DatasetSettings(ToyDataset.MOONS, 400, 0.1, 0),
            new ArchitectureSettings(4, new int[] {16, 16}, CouplingType.AFFINE, 0), new TrainingConfig(64, 5e-3, 1, 0),
            TrainingWorker.Options.builder().maxDisplayPoints(400).testPoints(256, 10)
                    .densityResolution(16, 8).densityBudget(0, 0.08).publishIntervalMillis(0).grid(4, 6)
                    .traceBudget(0, 0.33).stepSliceMillis(4).densityThreads(1).build(), System::nanoTime);
    private final List<Command> sent = new ArrayList<>();
    private final ExplorerViewModel vm = new ExplorerViewModel(c -> {
        sent.add(c);
        worker.submit(c);
    }, worker.latest());

    /** One worker round on this thread, then the FX-side poll. */
    private void round() {
        worker.initializeNow();
        worker.processPending();
        vm.accept(worker.publishNow());
    }

    @Test
    void showsPreparingUntilTheModelExistsAndIgnoresPlayUntilThen() {
        assertFalse(vm.readyProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Preparing model"));
        vm.play();
        assertTrue(sent.isEmpty());
        round();
        assertTrue(vm.readyProperty().get());
        assertEquals("400", vm.pointsTextProperty().get());
        assertEquals("16,16", vm.hiddenTextProperty().get());
        assertEquals("0.005", vm.learningRateTextProperty().get());
    }

    @Test
    void playStepPauseAndStatsFlowThrough() {
        round();
        vm.play();
        assertTrue(vm.playingProperty().get());
        // a stale snapshot (published before the worker saw Play) does not flip the button back
        vm.accept(worker.latest());
        assertTrue(vm.playingProperty().get());
        worker.processPending();
        assertTrue(worker.isPlaying());
        worker.runStepsNow(30);
        vm.accept(worker.publishNow());
        assertEquals(30, vm.stepProperty().get());
        assertTrue(Double.isFinite(vm.trainNllProperty().get()));
        assertTrue(Double.isFinite(vm.testNllProperty().get()));
        vm.pause();
        round();
        assertFalse(vm.playingProperty().get());
        vm.stepOnce();
        round();
        assertEquals(31, vm.stepProperty().get());
    }

    @Test
    void invalidInputGivesInlineErrorsAndSendsNothing() {
        round();
        sent.clear();
        vm.hiddenTextProperty().set("64,x");
        assertFalse(vm.applyArchitecture());
        assertTrue(vm.architectureErrorProperty().get().contains("\"x\" is not a number"),
                vm.architectureErrorProperty().get());
        vm.learningRateTextProperty().set("fast");
        assertFalse(vm.applyLearningRate());
        assertFalse(vm.learningRateErrorProperty().get().isEmpty());
        vm.learningRateTextProperty().set("-1");
        assertFalse(vm.applyLearningRate());
        vm.batchSizeTextProperty().set("0");
        assertFalse(vm.applyBatchSize());
        vm.pointsTextProperty().set("3");
        assertFalse(vm.applyDataset());
        assertTrue(vm.datasetErrorProperty().get().contains("16"), vm.datasetErrorProperty().get());
        vm.sampleCountTextProperty().set("");
        assertFalse(vm.sample());
        assertTrue(sent.isEmpty());
        // fixing the text clears the error
        vm.hiddenTextProperty().set("8, 8");
        assertTrue(vm.applyArchitecture());
        assertEquals("", vm.architectureErrorProperty().get());
    }

    @Test
    void learningRateAndBatchChangesReachTheTrainerWithoutReset() {
        round();
        worker.runStepsNow(5);
        vm.learningRateTextProperty().set("1e-2");
        assertTrue(vm.applyLearningRate());
        vm.batchSizeTextProperty().set("32");
        assertTrue(vm.applyBatchSize());
        round();
        assertEquals(1e-2, worker.forTesting().trainer().config().learningRate());
        assertEquals(32, worker.forTesting().trainer().config().batchSize());
        assertEquals(5, vm.stepProperty().get());
    }

    @Test
    void architectureChangeResetsAndSaysSo() {
        round();
        worker.runStepsNow(5);
        vm.layersTextProperty().set("6");
        vm.hiddenTextProperty().set("8");
        vm.couplingProperty().set(CouplingType.ADDITIVE);
        assertTrue(vm.applyArchitecture());
        round();
        assertEquals(0, vm.stepProperty().get());
        assertEquals(6, vm.layerCountProperty().get());
        assertTrue(vm.statusProperty().get().contains("Architecture changed"), vm.statusProperty().get());
        vm.useReferenceArchitecture();
        assertEquals("256,256", vm.hiddenTextProperty().get());
        assertInstanceOf(Command.ChangeArchitecture.class, sent.get(sent.size() - 1));
    }

    @Test
    void stepperShowsDataAtZeroAndLatentAtLAndBlendsBetween() {
        round();
        worker.runStepsNow(20);
        Snapshot s = worker.publishNow();
        vm.accept(s);
        FlowTrace t = worker.forTesting().model().traceForward(s.view().points());
        vm.layerPositionProperty().set(0);
        assertArrayEquals(s.view().points(), vm.stepper().pointsProperty().get());
        vm.layerPositionProperty().set(4);
        assertArrayEquals(t.positions()[4], vm.stepper().pointsProperty().get(), 1e-6f);
        assertEquals(4, vm.currentLayerProperty().get());
        vm.layerPositionProperty().set(2.5);
        float[] mid = vm.stepper().pointsProperty().get();
        assertEquals((t.positions()[2][7] + t.positions()[3][7]) / 2, mid[7], 1e-5);
        assertEquals(s.view().gridLines(), vm.stepper().gridLinesProperty().get().length);
        round();
        assertEquals(3, worker.publishNow().view().displayedLayer()); // rounded 2.5 -> 3 was sent
    }

    @Test
    void lossFeedHandsOnEveryStepOnceAndClearsOnNewRun() {
        round();
        List<String> log = new ArrayList<>();
        int[] total = new int[1];
        LossFeed.Sink sink = new LossFeed.Sink() {
            public void clear() {
                log.add("clear");
                total[0] = 0;
            }

            public void appendTrain(int[] steps, float[] values) {
                total[0] += steps.length;
            }

            public void appendTest(int[] steps, float[] values) {
            }
        };
        LossFeed feed = new LossFeed();
        feed.feed(worker.publishNow(), sink);
        worker.runStepsNow(7);
        worker.publishNow(); // skipped by the FX side
        worker.runStepsNow(5);
        feed.feed(worker.publishNow(), sink);
        assertEquals(12, total[0]);
        vm.reset();
        round();
        feed.feed(vm.getSnapshot(), sink);
        assertEquals(List.of("clear", "clear"), log);
        assertEquals(0, total[0]);
    }

    @Test
    void sampleAndQueryCommands() {
        round();
        vm.sampleCountTextProperty().set("50");
        assertTrue(vm.sample());
        vm.queryLatent(0.1, 0.2);
        round();
        assertEquals(100, vm.getSnapshot().view().samples().data().length);
        assertEquals(0.1, vm.getSnapshot().view().query().latentX(), 1e-6);
        vm.densityVisibleProperty().set(true);
        round();
        assertEquals(16, vm.getSnapshot().view().density().width());
    }

    @Test
    void parsers() {
        assertArrayEquals(new int[] {64, 64}, Inputs.hidden(" 64, 64 ", 1024).value());
        assertFalse(Inputs.hidden("64,,64", 1024).isOk());
        assertFalse(Inputs.hidden("0", 1024).isOk());
        assertEquals(1e-3, Inputs.number("1e-3", "lr", 0, 1, true).value());
        assertFalse(Inputs.number("0", "lr", 0, 1, true).isOk());
        assertFalse(Inputs.integer("12x", "n", 1, 5).isOk());
        assertEquals("1e-3", ExplorerViewModel.trim(1e-3));
        assertEquals("0.005", ExplorerViewModel.trim(0.005));
        assertEquals("256", ExplorerViewModel.trim(256));
    }
}
