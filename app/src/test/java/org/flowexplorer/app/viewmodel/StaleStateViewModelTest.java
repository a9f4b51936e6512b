package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.data.ToyDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "stale or wrong state": what the view models say always describes the model trained
 * now (a real small worker on the test thread).
 */
class StaleStateViewModelTest {
    @TempDir
    Path dir;

    private final SameThreadWorker.Fixture fixture = SameThreadWorker.Fixture.start();
    private final TrainingWorker worker = fixture.worker();
    private final List<Command> sent = fixture.sent();
    private final ExplorerViewModel vm = fixture.vm();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void round() {
        fixture.round();
    }

    private String status() {
        return vm.status().messageProperty().get();
    }

    private List<Command> sentOf(Class<? extends Command> type) {
        return sent.stream().filter(type::isInstance).toList();
    }

    @Test
    void pickingADataSetTrainsOnItWithItsDefaultNoise() {
        round();
        sent.clear();
        vm.form().datasetProperty().set(ToyDataset.CIRCLES);
        List<Command> changes = sentOf(Command.ChangeDataset.class);
        assertEquals(1, changes.size(), sent.toString());
        Command.ChangeDataset c = (Command.ChangeDataset) changes.get(0);
        assertEquals(ToyDataset.CIRCLES, c.settings().set());
        assertEquals(ToyDataset.CIRCLES.defaultNoise(), c.settings().noise());
        assertEquals(400, c.settings().n());
        round();
        assertEquals(ToyDataset.CIRCLES, vm.getSnapshot().settings().dataset().set());
        assertEquals(NumberText.format(ToyDataset.CIRCLES.defaultNoise()), vm.form().text(Field.NOISE).get());
        // the snapshot filling the form in again sends nothing
        assertEquals(1, sentOf(Command.ChangeDataset.class).size(), sent.toString());
        worker.runStepsNow(3);
        round();
        assertEquals(3, vm.training().stepProperty().get());
        assertEquals(ToyDataset.CIRCLES, vm.getSnapshot().settings().dataset().set());
    }

    @Test
    void aPresetOrAnOpenedSessionFillingTheComboSendsNoDataChangeOfItsOwn() {
        round();
        sent.clear();
        vm.applyPreset(Presets.CHECKERBOARD_AFFINE);
        round();
        assertEquals(List.of(), sentOf(Command.ChangeDataset.class));
        assertEquals(ToyDataset.CHECKERBOARD, vm.form().datasetProperty().get());
    }

    @Test
    void stepTimingOfAnOldModelIsForgottenOnANewRun() {
        round();
        worker.runStepsNow(3);
        round();
        assertTrue(Double.isFinite(vm.plots().timingsProperty().get().stepMillis()));
        vm.training().reset();
        round();
        assertTrue(Double.isNaN(vm.plots().timingsProperty().get().stepMillis()),
                "step time after reset: " + vm.plots().timingsProperty().get());
        worker.runStepsNow(2);
        round();
        vm.form().text(Field.LAYERS).set("2");
        assertTrue(vm.form().applyArchitecture());
        round();
        assertTrue(Double.isNaN(vm.plots().timingsProperty().get().stepMillis()),
                "step time after an architecture change: " + vm.plots().timingsProperty().get());
    }

    @Test
    void theStatusLineShowsTheLearningRateAppliedLast() {
        round();
        vm.applyPreset(Presets.CHECKERBOARD_AFFINE);
        round();
        String lr = Double.toString(Presets.CHECKERBOARD_AFFINE.training().learningRate());
        assertTrue(status().contains("learning rate " + lr), status());
        vm.form().text(Field.LEARNING_RATE).set("1.0");
        assertTrue(vm.form().applyLearningRate());
        round();
        assertFalse(status().contains("learning rate " + lr), status());
        assertTrue(status().contains("Learning rate 1.0"), status());
        vm.form().text(Field.BATCH_SIZE).set("32");
        assertTrue(vm.form().applyBatchSize());
        round();
        assertTrue(status().contains("Batch size 32"), status());
    }

    @Test
    void ownDataIsNotAnnouncedAsTrainingWhilePaused() {
        round();
        float[] pts = new float[40];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = (float) Math.sin(i);
        }
        vm.sketch().drawModeProperty().set(DrawMode.DRAW);
        vm.sketch().beginStroke(0, 0);
        vm.sketch().continueStroke(1, 1);
        vm.sketch().continueStroke(-1, 0.5);
        vm.sketch().endStroke();
        round();
        assertTrue(vm.getSnapshot().customData());
        assertFalse(vm.training().playingProperty().get());
        assertFalse(status().contains("Now training"), status());
        assertTrue(status().contains("your own data"), status());
    }

    @Test
    void samplesAreClearedWhenTheModelIsReplaced() throws Exception {
        round();
        Runnable drawSamples = () -> {
            assertTrue(vm.form().sample());
            round();
            assertNotNull(vm.plots().samplesProperty().get());
        };
        drawSamples.run();
        vm.training().reset();
        round();
        assertNull(vm.plots().samplesProperty().get(), "samples after reset");

        drawSamples.run();
        vm.form().text(Field.LAYERS).set("2");
        assertTrue(vm.form().applyArchitecture());
        round();
        assertNull(vm.plots().samplesProperty().get(), "samples after an architecture change");

        drawSamples.run();
        vm.form().datasetProperty().set(ToyDataset.RINGS);
        vm.form().applyDataset();
        round();
        assertNull(vm.plots().samplesProperty().get(), "samples after new data");

        Path file = dir.resolve("s.session.zip");
        vm.files().saveSession(file);
        round();
        drawSamples.run();
        vm.files().openSession(file);
        round();
        assertNull(vm.plots().samplesProperty().get(), "samples after opening a session");
    }

    @Test
    void theStepperCaptionFollowsAnOpenedSessionsLayerCount() {
        round();
        Path file = dir.resolve("four.session.zip");
        vm.files().saveSession(file);
        round();
        vm.form().text(Field.LAYERS).set("8");
        assertTrue(vm.form().applyArchitecture());
        round();
        vm.layers().layerPositionProperty().set(0);
        assertTrue(vm.layers().maskDescriptionProperty().get().contains("of 8"), vm.layers().maskDescriptionProperty().get());
        vm.files().openSession(file);
        round();
        assertEquals(4, vm.layers().layerCountProperty().get());
        String caption = vm.layers().maskDescriptionProperty().get();
        assertTrue(caption.contains("coupling 1 of 4"), caption);
        assertFalse(caption.contains("of 8"), caption);
        vm.layers().layerPositionProperty().set(4);
        assertTrue(vm.layers().maskDescriptionProperty().get().contains("coupling 4 of 4"),
                vm.layers().maskDescriptionProperty().get());
    }

    @Test
    void oneNumberingOfCouplingsAndPositions() {
        round();
        LayerViewModel layers = vm.layers();
        vm.plots().queryData(0.5, 0.25);
        round();
        layers.layerPositionProperty().set(0);
        round();
        assertEquals("Position 0 of 4 = the data x. Next: coupling 1 of 4", head(layers.maskDescriptionProperty().get()));
        assertEquals(1, layers.inspectedLayerProperty().get() + 1);
        assertEquals(0, vm.getSnapshot().inspector().inspection().layer()); // the worker's index is coupling − 1
        layers.layerPositionProperty().set(2);
        round();
        assertEquals("Position 2 of 4, after coupling 2. Next: coupling 3 of 4", head(layers.maskDescriptionProperty().get()));
        assertEquals(3, layers.inspectedLayerProperty().get() + 1);
        assertEquals(2, vm.getSnapshot().inspector().inspection().layer());
        layers.layerPositionProperty().set(2.5);
        assertEquals("Position 2.5 of 4, inside coupling 3 of 4", head(layers.maskDescriptionProperty().get()));
        assertEquals(3, layers.inspectedLayerProperty().get() + 1);
        layers.layerPositionProperty().set(4);
        round();
        assertEquals("Position 4 of 4 = the latent z, after coupling 4 of 4", head(layers.maskDescriptionProperty().get()));
        assertEquals(4, layers.inspectedLayerProperty().get() + 1);
        assertEquals(3, vm.getSnapshot().inspector().inspection().layer());
    }

    /** The caption up to the mask's words. */
    private static String head(String caption) {
        int colon = caption.lastIndexOf(':');
        return colon < 0 ? caption : caption.substring(0, colon);
    }
}
