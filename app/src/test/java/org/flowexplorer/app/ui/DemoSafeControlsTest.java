package org.flowexplorer.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.testing.TestApps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The controls a teacher uses in front of a class: Space, the shortcut list, the confirmations. */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class DemoSafeControlsTest {
    private final FxRobot robot = new FxRobot();
    private TestApps.Running running;
    private FlowExplorerApp app;
    private Stage stage;

    @BeforeEach
    void startApp() throws Exception {
        running = TestApps.start(TestApps.config(400, 4, new int[] {8, 8}, 32));
        app = running.app();
        stage = running.stage();
        await("model ready", () -> app.viewModel().training().readyProperty().get());
    }

    @AfterEach
    void closeApp() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void spaceTogglesPlayFromAFocusedCheckBoxWithoutClickingIt() throws Exception {
        CheckBox density = fx(() -> (CheckBox) stage.getScene().lookup("#density"));
        boolean shown = fx(density::isSelected);
        fx(() -> {
            density.requestFocus();
            return null;
        });
        robot.type(KeyCode.SPACE);
        await("playing after Space", () -> fx(() -> app.viewModel().training().playingProperty().get()));
        assertEquals(shown, fx(density::isSelected), "Space toggles play, not the focused check box");
        robot.type(KeyCode.SPACE);
        await("paused after Space again", () -> !fx(() -> app.viewModel().training().playingProperty().get()));
    }

    @Test
    void spaceInATextFieldTypesASpaceAndLeavesPlayAlone() throws Exception {
        TextField hidden = fx(() -> (TextField) stage.getScene().lookup("#hidden"));
        fx(() -> {
            hidden.requestFocus();
            hidden.end();
            return null;
        });
        String before = fx(hidden::getText);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + " ", fx(hidden::getText));
        assertFalse(fx(() -> app.viewModel().training().playingProperty().get()));
    }

    @Test
    void theShortcutListNamesSpaceAndEveryMenuAccelerator() throws Exception {
        var list = fx(() -> KeyboardShortcuts.all(app.window().menu()));
        assertTrue(list.stream().anyMatch(s -> s.keys().equals("Space") && s.action().contains("pause")), list.toString());
        assertTrue(list.stream().anyMatch(s -> s.action().contains("Save session")), list.toString());
        assertTrue(list.stream().anyMatch(s -> s.action().contains("Keyboard shortcuts")), list.toString());
        String playTip = fx(() -> app.window().toolBar().playButton().getTooltip().getText());
        assertTrue(playTip.contains("Space"), playTip);
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(String what, BooleanSupplier c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for: " + what, e);
        }
    }
}
