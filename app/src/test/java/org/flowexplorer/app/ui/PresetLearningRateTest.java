package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.testing.AppUnderTest;
import org.flowexplorer.app.testing.TestApps;
import org.flowexplorer.app.viewmodel.NumberText;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A preset whose learning rate is not the default trains with it and the form keeps showing it (Presets menu path). */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class PresetLearningRateTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest(TestApps.config(400, 4, new int[] {8, 8}, 32));

    @BeforeEach
    void awaitModel() {
        await("model ready", () -> app().viewModel().training().readyProperty().get());
    }

    private FlowExplorerApp app() {
        return ui.app();
    }

    private Stage stage() {
        return ui.stage();
    }

    @Test
    void thePresetsLearningRateIsTrainedWithAndShownAfterTheFieldLosesFocus() throws Exception {
        Preset p = Presets.LEARNING_RATE_TOO_HIGH;
        double lr = p.training().learningRate();
        ComboBox<?> field = fx(() -> (ComboBox<?>) stage().getScene().lookup("#learning-rate"));
        fx(() -> {
            field.getEditor().requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            app().window().actions().applyPreset(p);
            return null;
        });
        await("the preset's model is built", () -> app().worker().latest().settings().architecture().layers()
                == p.architecture().layers());
        fx(() -> {
            stage().getScene().lookup("#batch-size").requestFocus(); // the lr field loses focus
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500); // let any command the focus change sent reach the worker and come back
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lr, app().worker().latest().settings().learningRate(), 1e-12, app().worker().latest().status().notice());
        // the form filling in the preset's rate sends no SetLearningRate of its own: the status line keeps the preset's notice
        String notice = app().worker().latest().status().notice();
        assertTrue(notice.startsWith("Preset \u201c" + p.name() + "\u201d"), notice);
        assertEquals(NumberText.format(lr), fx(() -> app().viewModel().form().text(Field.LEARNING_RATE).get()));
        assertEquals(NumberText.format(lr), fx(() -> field.getEditor().getText()));
    }
}
