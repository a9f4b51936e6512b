package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.testing.AppUnderTest;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.app.viewmodel.NumberText;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code -Dflowexplorer.preset=...} (the screenshot path) applies the whole preset once the model is
 * ready: the first snapshot filling the form in afterwards must not send the default learning rate back.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class PresetAtStartUpTest {
    private static final Preset PRESET = Presets.LEARNING_RATE_TOO_HIGH;

    static {
        System.setProperty("flowexplorer.preset", PRESET.name());
    }

    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest(TestApps.config(400, 4, new int[] {8, 8}, 32));

    @AfterAll
    static void clearProperty() {
        System.clearProperty("flowexplorer.preset");
    }

    private FlowExplorerApp app() {
        return ui.app();
    }

    @Test
    void theStartUpPresetTrainsWithItsOwnLearningRate() throws Exception {
        double lr = PRESET.training().learningRate();
        await("the preset's model is built", () -> app().worker().latest().settings().architecture().layers()
                == PRESET.architecture().layers());
        Thread.sleep(500); // let any command sent after the preset reach the worker and come back
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lr, app().worker().latest().settings().learningRate(), 1e-12,
                app().worker().latest().status().notice());
        assertEquals(NumberText.format(lr), fx(() -> app().viewModel().form().text(Field.LEARNING_RATE).get()));
        assertEquals(PRESET.dataset(), fx(() -> app().viewModel().form().datasetProperty().get()));
    }
}
