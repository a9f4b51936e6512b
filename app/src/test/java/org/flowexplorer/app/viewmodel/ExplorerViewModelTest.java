package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;
import org.junit.jupiter.api.Test;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;

/** The view model against a real worker driven on the test thread (no display, no sleeps). */
class ExplorerViewModelTest {

    private final TrainingWorker worker = SameThreadWorker.small();
    private final List<Command> sent = new ArrayList<>();
    private final ExplorerViewModel vm = SameThreadWorker.viewModel(worker, sent);

    private static int feed(LossFeed feed, Snapshot s, LossFeed.Sink sink) {
        return feed.feed(s.runId(), s.loss(), sink);
    }

    /** One worker round on this thread, then the FX-side poll. */
    private void round() {
        worker.initializeNow();
        worker.processPending();
        vm.accept(worker.publishNow());
    }

    @Test
    void showsPreparingUntilTheModelExistsAndIgnoresPlayUntilThen() {
        assertFalse(vm.training().readyProperty().get());
        assertTrue(vm.status().messageProperty().get().startsWith("Preparing model"));
        vm.training().play();
        assertTrue(sent.isEmpty());
        round();
        assertTrue(vm.training().readyProperty().get());
        assertEquals("400", vm.form().text(Field.POINTS).get());
        assertEquals("16,16", vm.form().text(Field.HIDDEN).get());
        assertEquals("0.005", vm.form().text(Field.LEARNING_RATE).get());
    }

    @Test
    void playStepPauseAndStatsFlowThrough() {
        round();
        vm.training().play();
        assertTrue(vm.training().playingProperty().get());
        // a stale snapshot (published before the worker saw Play) does not flip the button back
        vm.accept(worker.latest());
        assertTrue(vm.training().playingProperty().get());
        worker.processPending();
        assertTrue(worker.isPlaying());
        worker.runStepsNow(30);
        vm.accept(worker.publishNow());
        assertEquals(30, vm.training().stepProperty().get());
        assertTrue(Double.isFinite(vm.training().trainNllProperty().get()));
        assertTrue(Double.isFinite(vm.training().testNllProperty().get()));
        vm.training().pause();
        round();
        assertFalse(vm.training().playingProperty().get());
        vm.training().stepOnce();
        round();
        assertEquals(31, vm.training().stepProperty().get());
    }

    @Test
    void theStatusLineSaysWhetherTheModelTrainsIsPausedOrIsReady() {
        round();
        String ready = vm.status().messageProperty().get();
        assertTrue(ready.startsWith("Ready: "), ready);
        vm.training().play();
        worker.processPending();
        worker.runStepsNow(3);
        vm.accept(worker.publishNow());
        String training = vm.status().messageProperty().get();
        assertTrue(training.startsWith("Training: "), "said while training: " + training);
        vm.training().pause();
        round();
        String paused = vm.status().messageProperty().get();
        assertTrue(paused.startsWith("Paused: "), "said while paused: " + paused);
    }

    @Test
    void invalidInputGivesInlineErrorsAndSendsNothing() {
        round();
        sent.clear();
        vm.form().text(Field.HIDDEN).set("64,x");
        assertFalse(vm.form().applyArchitecture());
        assertTrue(vm.form().error(SettingsFormViewModel.Section.ARCHITECTURE).get().contains("\"x\" is not a number"),
                vm.form().error(SettingsFormViewModel.Section.ARCHITECTURE).get());
        vm.form().text(Field.LEARNING_RATE).set("fast");
        assertFalse(vm.form().applyLearningRate());
        assertFalse(vm.form().error(SettingsFormViewModel.Section.LEARNING_RATE).get().isEmpty());
        vm.form().text(Field.LEARNING_RATE).set("-1");
        assertFalse(vm.form().applyLearningRate());
        vm.form().text(Field.BATCH_SIZE).set("0");
        assertFalse(vm.form().applyBatchSize());
        vm.form().text(Field.POINTS).set("3");
        assertFalse(vm.form().applyDataset());
        assertTrue(vm.form().error(SettingsFormViewModel.Section.DATASET).get().contains("16"), vm.form().error(SettingsFormViewModel.Section.DATASET).get());
        vm.form().text(SettingsFormViewModel.Field.SAMPLE_COUNT).set("");
        assertFalse(vm.form().sample());
        assertTrue(sent.isEmpty());
        // fixing the text clears the error
        vm.form().text(Field.HIDDEN).set("8, 8");
        assertTrue(vm.form().applyArchitecture());
        assertEquals("", vm.form().error(SettingsFormViewModel.Section.ARCHITECTURE).get());
    }

    @Test
    void learningRateAndBatchChangesReachTheTrainerWithoutReset() {
        round();
        worker.runStepsNow(5);
        vm.form().text(Field.LEARNING_RATE).set("1e-2");
        assertTrue(vm.form().applyLearningRate());
        vm.form().text(Field.BATCH_SIZE).set("32");
        assertTrue(vm.form().applyBatchSize());
        round();
        assertEquals(1e-2, worker.forTesting().trainer().config().learningRate());
        assertEquals(32, worker.forTesting().trainer().config().batchSize());
        assertEquals(5, vm.training().stepProperty().get());
    }

    @Test
    void architectureChangeResetsAndSaysSo() {
        round();
        worker.runStepsNow(5);
        vm.form().text(Field.LAYERS).set("6");
        vm.form().text(Field.HIDDEN).set("8");
        vm.form().couplingProperty().set(CouplingType.ADDITIVE);
        assertTrue(vm.form().applyArchitecture());
        round();
        assertEquals(0, vm.training().stepProperty().get());
        assertEquals(6, vm.layers().layerCountProperty().get());
        assertTrue(vm.status().messageProperty().get().contains("Architecture changed"), vm.status().messageProperty().get());
        vm.form().useReferenceArchitecture();
        assertEquals("256,256", vm.form().text(Field.HIDDEN).get());
        assertInstanceOf(Command.ChangeArchitecture.class, sent.get(sent.size() - 1));
    }

    @Test
    void stepperShowsDataAtZeroAndLatentAtLAndBlendsBetween() {
        round();
        worker.runStepsNow(20);
        Snapshot s = worker.publishNow();
        vm.accept(s);
        FlowTrace t = worker.forTesting().model().traceForward(s.view().points());
        vm.layers().layerPositionProperty().set(0);
        assertArrayEquals(s.view().points(), vm.layers().stepperFrameProperty().get().points());
        vm.layers().layerPositionProperty().set(4);
        assertArrayEquals(t.positions()[4], vm.layers().stepperFrameProperty().get().points(), 1e-6f);
        assertEquals(4, vm.layers().currentLayerProperty().get());
        vm.layers().layerPositionProperty().set(2.5);
        float[] mid = vm.layers().stepperFrameProperty().get().points();
        assertEquals((t.positions()[2][7] + t.positions()[3][7]) / 2, mid[7], 1e-5);
        assertEquals(s.view().gridLines(), vm.layers().stepperFrameProperty().get().gridLines().length);
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
        feed(feed, worker.publishNow(), sink);
        worker.runStepsNow(7);
        worker.publishNow(); // skipped by the FX side
        worker.runStepsNow(5);
        feed(feed, worker.publishNow(), sink);
        assertEquals(12, total[0]);
        vm.training().reset();
        round();
        feed(feed, vm.getSnapshot(), sink);
        assertEquals(List.of("clear", "clear"), log);
        assertEquals(0, total[0]);
    }

    @Test
    void sampleAndQueryCommands() {
        round();
        vm.form().text(SettingsFormViewModel.Field.SAMPLE_COUNT).set("50");
        assertTrue(vm.form().sample());
        vm.plots().queryLatent(0.1, 0.2);
        round();
        assertEquals(100, vm.getSnapshot().view().samples().data().length);
        assertEquals(0.1, vm.getSnapshot().view().query().latentX(), 1e-6);
        vm.plots().densityVisibleProperty().set(true);
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
        assertEquals("1e-3", NumberText.format(1e-3));
        assertEquals("0.005", NumberText.format(0.005));
        assertEquals("256", NumberText.format(256));
    }
}
