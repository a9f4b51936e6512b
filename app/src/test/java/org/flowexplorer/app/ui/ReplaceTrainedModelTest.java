package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import org.flowexplorer.app.FlowExplorerApp;
import org.flowexplorer.app.testing.AppUnderTest;
import org.flowexplorer.app.testing.TestApps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a session over a model trained past its last save asks first, in the real dialog:
 * Cancel keeps the trained model, Replace opens the file.
 */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class ReplaceTrainedModelTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest(TestApps.config(400, 4, new int[] {8, 8}, 32));

    @TempDir
    Path dir;

    @BeforeEach
    void awaitModel() {
        await("model ready", () -> app().viewModel().training().readyProperty().get());
    }

    private FlowExplorerApp app() {
        return ui.app();
    }

    private long step() {
        return fx(() -> app().viewModel().training().stepProperty().get());
    }

    private long train(long atLeast) {
        fx(() -> {
            app().viewModel().training().stepOnce();
            app().viewModel().training().stepOnce();
            return null;
        });
        await("trained", () -> step() >= atLeast);
        return step();
    }

    @Test
    void openingASessionOverUnsavedStepsAsksAndCancelKeepsTheModel() throws Exception {
        long saved = train(2);
        Path file = dir.resolve("kept.session.zip");
        fx(() -> {
            app().viewModel().files().saveSession(file);
            return null;
        });
        await("saved", () -> Files.exists(file) && fx(() -> app().viewModel().files().fileOperationsProperty().get()) == 0);
        long trained = train(saved + 2);

        Platform.runLater(() -> ui.window().actions().openSession(file));
        DialogPane pane = awaitDialog();
        assertTrue(fx(pane::getHeaderText).contains("(" + trained + " steps)"), fx(pane::getHeaderText));
        press(pane, "Cancel");
        await("dialog closed", () -> fx(() -> pane.getScene() == null || !pane.getScene().getWindow().isShowing()));
        assertEquals(0, (int) fx(() -> app().viewModel().files().fileOperationsProperty().get()), "nothing is opened");
        assertEquals(trained, step(), "Cancel keeps the trained model");

        Platform.runLater(() -> ui.window().actions().openSession(file));
        press(awaitDialog(), "Replace");
        await("the session's model is back", () -> step() == saved);
    }

    /** Entering compare mode starts side A again from step 0: over unsaved steps it asks first, in the same dialog. */
    @Test
    void enteringCompareModeOverUnsavedStepsAsksAndCancelKeepsTheModel() {
        long trained = train(2);
        var compare = fx(() -> ui.window().compare());
        Platform.runLater(() -> comparePreset().fire());
        DialogPane pane = awaitDialog();
        assertTrue(fx(pane::getHeaderText).contains("(" + trained + " steps)"), fx(pane::getHeaderText));
        press(pane, "Cancel");
        await("dialog closed", () -> fx(() -> pane.getScene() == null || !pane.getScene().getWindow().isShowing()));
        assertTrue(!fx(compare::isActive), "Cancel stays out of compare mode");
        assertEquals(trained, step(), "Cancel keeps the trained model");

        Platform.runLater(() -> comparePreset().fire());
        press(awaitDialog(), "Replace");
        await("compare mode entered", () -> fx(compare::isActive));
    }

    /** The first compare preset's item in View › Compare two models. */
    private javafx.scene.control.MenuItem comparePreset() {
        for (var m : ui.window().menu().getMenus()) {
            for (var item : m.getItems()) {
                if (item instanceof javafx.scene.control.Menu sub && "menu-compare-submenu".equals(sub.getId())) {
                    return sub.getItems().stream().filter(i -> "menu-compare-preset-0".equals(i.getId())).findFirst()
                            .orElseThrow();
                }
            }
        }
        throw new AssertionError("no compare submenu");
    }

    private static void press(DialogPane pane, String text) {
        fx(() -> {
            for (ButtonType t : pane.getButtonTypes()) {
                if (t.getText().equals(text)) {
                    ((Button) pane.lookupButton(t)).fire();
                    return null;
                }
            }
            throw new AssertionError("no " + text + " button in " + pane.getButtonTypes());
        });
    }

    private static DialogPane awaitDialog() {
        DialogPane[] found = {null};
        await("replace dialog", () -> fx(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane d
                        && "confirm-replace".equals(d.getId())) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        }));
        return found[0];
    }
}
