package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.testing.AppUnderTest;
import org.flowexplorer.app.testing.TestApps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The controls a teacher uses in front of a class: Space, the shortcut list, the confirmations. */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class DemoSafeControlsTest {
    private final FxRobot robot = new FxRobot();
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
    void spaceTogglesPlayFromAFocusedCheckBoxWithoutClickingIt() throws Exception {
        CheckBox density = fx(() -> (CheckBox) stage().getScene().lookup("#density"));
        boolean shown = fx(density::isSelected);
        fx(() -> {
            density.requestFocus();
            return null;
        });
        robot.type(KeyCode.SPACE);
        await("playing after Space", () -> fx(() -> app().viewModel().training().playingProperty().get()));
        assertEquals(shown, fx(density::isSelected), "Space toggles play, not the focused check box");
        robot.type(KeyCode.SPACE);
        await("paused after Space again", () -> !fx(() -> app().viewModel().training().playingProperty().get()));
    }

    @Test
    void spaceInATextFieldTypesASpaceAndLeavesPlayAlone() throws Exception {
        TextField hidden = fx(() -> (TextField) stage().getScene().lookup("#hidden"));
        fx(() -> {
            hidden.requestFocus();
            hidden.end();
            return null;
        });
        String before = fx(hidden::getText);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + " ", fx(hidden::getText));
        assertFalse(fx(() -> app().viewModel().training().playingProperty().get()));
    }

    @Test
    void theShortcutListNamesSpaceAndEveryMenuAccelerator() throws Exception {
        var list = fx(() -> KeyboardShortcuts.all(app().window().menu()));
        assertTrue(list.stream().anyMatch(s -> s.keys().equals("Space") && s.action().contains("pause")), list.toString());
        assertTrue(list.stream().anyMatch(s -> s.action().contains("Save session")), list.toString());
        assertTrue(list.stream().anyMatch(s -> s.action().contains("Keyboard shortcuts")), list.toString());
        String playTip = fx(() -> Controls.tooltip(app().window().toolBar().playButton()).getText());
        assertTrue(playTip.contains("Space"), playTip);
    }

    /** A few steps, paused: the model has something to lose. */
    private long trainSomeSteps() throws Exception {
        fx(() -> {
            app().viewModel().training().stepOnce();
            app().viewModel().training().stepOnce();
            return null;
        });
        await("trained", () -> fx(() -> app().viewModel().training().stepProperty().get()) >= 2);
        return fx(() -> app().viewModel().training().stepProperty().get());
    }

    private javafx.scene.control.ButtonBase button(String id) {
        return fx(() -> (javafx.scene.control.ButtonBase) stage().getScene().lookup(id));
    }

    @Test
    void resetAfterTrainingAsksFirstAndKeepingTheModelKeepsItsSteps() throws Exception {
        long trained = trainSomeSteps();
        java.util.List<String> asked = new java.util.ArrayList<>();
        boolean[] answer = {false};
        fx(() -> {
            ConfirmDiscard.of(app().viewModel()).setQuestion((owner, header, text, stop) -> {
                asked.add(header + " " + text);
                return answer[0];
            });
            button("#reset").fire();
            return null;
        });
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).contains(trained + " training steps"), asked.get(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(trained, (long) fx(() -> app().worker().latest().status().step()), "kept");
        answer[0] = true;
        fx(() -> {
            button("#reset").fire();
            return null;
        });
        await("reset to step 0", () -> app().worker().latest().status().step() == 0);
        assertEquals(2, asked.size());
    }

    @Test
    void architectureAndDataChangesAndDrawingAskOnceTrainedAndNotBefore() throws Exception {
        int[] asked = {0};
        fx(() -> {
            ConfirmDiscard.of(app().viewModel()).setQuestion((owner, header, text, stop) -> {
                asked[0]++;
                return false;
            });
            button("#apply-model").fire(); // step 0: nothing to lose, no question
            return null;
        });
        assertEquals(0, asked[0]);
        await("rebuilt", () -> fx(() -> app().viewModel().training().readyProperty().get()));
        trainSomeSteps();
        fx(() -> {
            button("#apply-model").fire();
            button("#reference-model").fire();
            button("#regenerate").fire();
            button("#draw-mode-draw").fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, asked[0]);
        assertEquals(org.flowexplorer.app.viewmodel.DrawMode.OFF, fx(() -> app().viewModel().sketch().drawModeProperty().get()));
        assertTrue(fx(() -> ((javafx.scene.control.ToggleButton) button("#draw-mode-off")).isSelected()),
                "the Query toggle is selected again");
        assertTrue(fx(() -> app().viewModel().training().stepProperty().get()) >= 2, "the model kept its steps");
    }

    @Test
    void theRealDialogKeepsTheModelAndDontAskAgainStopsTheQuestions() throws Exception {
        long trained = trainSomeSteps();
        javafx.application.Platform.runLater(() -> button("#reset").fire());
        javafx.scene.control.DialogPane pane = awaitDialog();
        fx(() -> {
            ((javafx.scene.control.Button) pane.lookupButton(pane.getButtonTypes().get(1))).fire(); // Keep the model
            return null;
        });
        await("dialog closed", () -> fx(() -> pane.getScene() == null || !pane.getScene().getWindow().isShowing()));
        assertEquals(trained, (long) fx(() -> app().worker().latest().status().step()));
        javafx.application.Platform.runLater(() -> button("#reset").fire());
        javafx.scene.control.DialogPane again = awaitDialog();
        fx(() -> {
            ((CheckBox) again.lookup("#confirm-dont-ask")).setSelected(true);
            ((javafx.scene.control.Button) again.lookupButton(again.getButtonTypes().get(0))).fire(); // Discard
            return null;
        });
        await("reset", () -> app().worker().latest().status().step() == 0);
        trainSomeSteps();
        fx(() -> {
            button("#reset").fire(); // no dialog now: it would block this call
            return null;
        });
        await("reset without asking", () -> app().worker().latest().status().step() == 0);
    }

    private javafx.scene.control.DialogPane awaitDialog() throws Exception {
        javafx.scene.control.DialogPane[] found = {null};
        await("confirmation dialog", () -> fx(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane d
                        && "confirm-discard".equals(d.getId())) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        }));
        return found[0];
    }

    @Test
    void aPresetSaysWhatToWatchForUntilASettingChanges() throws Exception {
        org.flowexplorer.app.preset.Preset p = org.flowexplorer.app.preset.Presets.TOO_FEW_LAYERS;
        PresetBanner banner = fx(() -> (PresetBanner) stage().getScene().lookup("#preset-banner"));
        assertEquals("", fx(banner::shownText), "no preset yet, no hint");
        fx(() -> {
            app().window().actions().applyPreset(p);
            return null;
        });
        assertTrue(fx(banner::shownText).contains(p.watchFor()), fx(banner::shownText));
        // the sentence is cut to the column, never widens it (the status line is another matter: ui-layout's)
        double pref = fx(() -> banner.prefWidth(-1));
        assertTrue(pref < 200, "the hint's preferred width does not follow its text: " + pref);
        await("the preset's model is built", () -> fx(() -> app().viewModel().training().readyProperty().get())
                && app().worker().latest().settings().architecture().layers() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(banner::shownText).contains(p.watchFor()), "the rebuilt model's settings are the preset's: still shown");
        fx(() -> {
            app().viewModel().form().text(org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field.LAYERS).set("8");
            return null;
        });
        assertEquals("", fx(banner::shownText), "gone once the user changes a setting");
        fx(() -> {
            app().window().actions().applyPreset(p);
            return null;
        });
        assertTrue(fx(banner::shownText).contains(p.watchFor()), "back with the next preset");
        fx(() -> {
            ((javafx.scene.control.Button) stage().getScene().lookup("#preset-banner-close")).fire();
            return null;
        });
        assertEquals("", fx(banner::shownText), "closed by hand");
    }

    /** A preset whose learning rate is not the default trains with it, and the form keeps it after a focus change. */
    @Test
    void thePresetsLearningRateIsTrainedWithAndShownAfterTheFieldLosesFocus() throws Exception {
        org.flowexplorer.app.preset.Preset p = org.flowexplorer.app.preset.Presets.LEARNING_RATE_TOO_HIGH;
        double lr = p.training().learningRate();
        javafx.scene.control.ComboBox<?> field = fx(() -> (javafx.scene.control.ComboBox<?>) stage().getScene()
                .lookup("#learning-rate"));
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
        assertEquals(org.flowexplorer.app.viewmodel.NumberText.format(lr), fx(() -> app().viewModel().form().text(org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field.LEARNING_RATE).get()));
        assertEquals(org.flowexplorer.app.viewmodel.NumberText.format(lr), fx(() -> field.getEditor().getText()));
    }
}
