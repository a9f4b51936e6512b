package org.flowexplorer.app.ui;

import static org.flowexplorer.app.testing.FxTesting.await;
import static org.flowexplorer.app.testing.FxTesting.fx;
import static org.flowexplorer.app.testing.FxTesting.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.flowexplorer.app.lesson.BuiltInLessons;
import org.flowexplorer.app.lesson.LessonControl;
import org.flowexplorer.app.lesson.LessonDraft;
import org.flowexplorer.app.testing.AppUnderTest;
import org.flowexplorer.app.testing.TestApps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Lessons in the window: what they hide and lock, the step strip, saving one and opening it again, leaving. */
@org.junit.jupiter.api.Timeout(value = 3, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.extension.ExtendWith(org.flowexplorer.app.testing.FxToolkitExtension.class)
class LessonWindowTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest(TestApps.config(600, 4, new int[] {16, 16}, 32));

    @BeforeEach
    void awaitModel() {
        await("model ready", () -> ui.app().viewModel().training().readyProperty().get());
    }

    private ControlLocks locks() {
        return ui.window().lessons().mode().locks();
    }

    private LessonPanel panel() {
        return (LessonPanel) ui.window().lookup("#lesson-panel");
    }

    @Test
    void everyLessonControlIsAControlOfTheColumn() {
        for (LessonControl c : LessonControl.values()) {
            for (String id : c.nodeIds()) {
                assertNotNull(fx(() -> locks().node(id)), c + ": no node #" + id);
            }
        }
    }

    @Test
    void aShippedLessonHidesAndLocksWhatItSaysAndLeavingGivesEverythingBack() throws Exception {
        onFx(() -> {
            ui.window().lessons().start(BuiltInLessons.all().get(0).open());
            return null;
        });
        await("lesson started", () -> fx(() -> panel().isVisible()));
        onFx(() -> {
            assertEquals("Step 1 of 6", panel().counterText());
            assertFalse(ui.window().panelVisibleProperty(Panel.SAMPLE_INVERT).get());
            assertTrue(ui.window().panelVisibleProperty(Panel.LOSS).get());
            assertTrue(locks().hidden(LessonControl.POINTS));
            assertFalse(locks().node("points").getParent().isVisible(), "the label row goes with the field");
            assertTrue(locks().locked(LessonControl.LAYERS));
            assertTrue(locks().node("layers").isDisabled());
            assertFalse(locks().hidden(LessonControl.PLAY));
            assertFalse(locks().locked(LessonControl.PLAY));
            ui.window().viewModel().lesson().leave();
            return null;
        });
        onFx(() -> {
            assertFalse(panel().isVisible());
            assertTrue(ui.window().panelVisibleProperty(Panel.SAMPLE_INVERT).get());
            for (LessonControl c : LessonControl.values()) {
                assertFalse(locks().hidden(c), c + " shown again");
                assertFalse(locks().locked(c), c + " usable again");
            }
            return null;
        });
    }

    @Test
    void aSavedLessonOpensWithItsControlsHiddenAndLockedAndItsStepsInOrder() throws Exception {
        Path file = dir.resolve("mine.lesson.json");
        ui.window().actions().setFileDialogs(new FileDialogs() {
            public Path save(Window owner, String title, String name, List<FileChooser.ExtensionFilter> f) { return file; }

            public Path open(Window owner, String title, List<FileChooser.ExtensionFilter> f) { return file; }

            public Path directory(Window owner, String title) { return null; }
        });
        LessonDraft draft = onFx(() -> {
            SaveLessonDialog d = new SaveLessonDialog(null);
            d.titleField().setText("My lesson");
            d.stepText(0).setText("First look.");
            d.addStepForTesting();
            d.stepText(1).setText("Which coordinate moves?");
            d.revealText(1).setText("y.");
            d.addStepForTesting();
            d.stepText(2).setText("Done.");
            d.hideBox(LessonControl.COUPLING).setSelected(true);
            d.lockBox(LessonControl.LAYERS).setSelected(true);
            d.panelBox(Panel.LOSS).setSelected(true);
            return d.draft();
        });
        onFx(() -> {
            ui.window().lessons().saveAsLesson(draft);
            return null;
        });
        await("saved", () -> Files.exists(file));
        onFx(() -> {
            ui.window().lessons().openLesson();
            return null;
        });
        await("lesson open", () -> fx(() -> panel().isVisible()));
        onFx(() -> {
            assertTrue(locks().hidden(LessonControl.COUPLING));
            assertTrue(locks().locked(LessonControl.LAYERS));
            assertFalse(locks().hidden(LessonControl.LAYERS));
            assertFalse(ui.window().panelVisibleProperty(Panel.LOSS).get());
            assertEquals("Step 1 of 3", panel().counterText());
            assertEquals("First look.", panel().shownText());
            ui.window().lookup("#lesson-next").getClass(); // the strip's own buttons drive it
            ((javafx.scene.control.Button) ui.window().lookup("#lesson-next")).fire();
            assertEquals("Which coordinate moves?", panel().shownText());
            assertTrue(ui.window().lookup("#lesson-reveal").isVisible());
            ((javafx.scene.control.Button) ui.window().lookup("#lesson-reveal")).fire();
            assertEquals("Which coordinate moves?\ny.", panel().shownText());
            ((javafx.scene.control.Button) ui.window().lookup("#lesson-next")).fire();
            assertEquals("Done.", panel().shownText());
            ((javafx.scene.control.Button) ui.window().lookup("#lesson-leave")).fire();
            assertTrue(ui.window().panelVisibleProperty(Panel.LOSS).get());
            assertFalse(locks().hidden(LessonControl.COUPLING));
            return null;
        });
    }
}
