package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.testing.FxToolkitExtension;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 15, "stale or wrong state", in the whole window: the texts a class reads follow the model. */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(FxToolkitExtension.class)
class StaleStateWindowTest {
    @TempDir
    Path dir;

    private final TestApps.Running running;
    private final FlowExplorerApp app;

    /** A small app (4 layers of 8,8 on 500 moons), its model built; closed after each test. */
    StaleStateWindowTest() throws Exception {
        running = TestApps.start(TestApps.config(500, 4, new int[] {8, 8}, 32));
        app = running.app();
    }

    @AfterEach
    void closeApp() throws Exception {
        running.close();
    }

    private String text(String id) {
        return fx(() -> ((Label) running.stage().getScene().lookup(id)).getText());
    }

    private void awaitReady() throws Exception {
        await("model ready", () -> app.viewModel().training().readyProperty().get());
    }

    @Test
    void theExplanationShowsTheInverseFormulaWhileTheInspectorIsOnInverse() throws Exception {
        awaitReady();
        fx(() -> {
            app.viewModel().plots().queryData(0.5, 0.25);
            return null;
        });
        await("inspection", () -> fx(() -> app.viewModel().layers().inspectionProperty().get() != null));
        fx(() -> {
            app.window().inspector().view().inverseButton().fire();
            return null;
        });
        await("explained", () -> text("#explanation-formula").contains("exp(−s)"));
        assertTrue(text("#explanation-text").contains("backwards"), text("#explanation-text"));
        fx(() -> {
            app.window().inspector().view().forwardButton().fire();
            return null;
        });
        await("forward again", () -> text("#explanation-formula").startsWith("y = x_m"));
    }

    @Test
    void theStepperCaptionAndLabelFollowAnOpenedSessionsLayerCount() throws Exception {
        awaitReady();
        Path file = dir.resolve("four.session.zip");
        fx(() -> {
            app.viewModel().files().saveSession(file);
            return null;
        });
        await("saved", () -> file.toFile().isFile() && fx(() -> app.viewModel().files().fileOperationsProperty().get()) == 0);
        fx(() -> {
            app.viewModel().form().text(Field.LAYERS).set("8");
            app.viewModel().form().applyArchitecture();
            return null;
        });
        await("8 layers", () -> fx(() -> app.viewModel().layers().layerCountProperty().get()) == 8
                && text("#mask-text").contains("of 8"));
        fx(() -> {
            app.viewModel().layers().layerPositionProperty().set(6);
            app.viewModel().files().openSession(file);
            return null;
        });
        await("4 layers again", () -> fx(() -> app.viewModel().layers().layerCountProperty().get()) == 4);
        WaitForAsyncUtils.waitForFxEvents();
        String caption = text("#mask-text");
        assertFalse(caption.contains("of 8"), caption);
        assertTrue(caption.contains("of 4"), caption);
        String label = fx(() -> app.window().stepper().scrubber().getLabelText());
        assertTrue(label.endsWith("/ 4 · z"), label);
        assertFalse(label.contains("/ 8"), label);
        assertEquals(4, fx(() -> app.window().stepper().masks().getHighlightedLayer()) + 1, "the last coupling outlined");
    }


}
