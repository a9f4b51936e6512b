package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.flowexplorer.app.lesson.Lesson;
import org.flowexplorer.app.lesson.LessonAction;
import org.flowexplorer.app.lesson.LessonControl;
import org.flowexplorer.app.lesson.LessonDraft;
import org.flowexplorer.app.lesson.LessonFile;
import org.flowexplorer.app.lesson.LessonStep;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.SplineShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons through the view model on a small real worker: save → open, steps, a bad file, leaving. */
class LessonViewModelTest {
    private static final float[] PROBE = {0.1f, 0.2f, -0.5f, 0.3f};
    @TempDir
    Path dir;
    private final SameThreadWorker.Fixture f = SameThreadWorker.Fixture.start();
    private final ExplorerViewModel vm = f.vm();

    @AfterEach
    void close() {
        f.close();
    }

    private static LessonDraft draft(boolean withModel) {
        return new LessonDraft("Circles", "A test lesson.", Set.of("loss"), EnumSet.of(LessonControl.COUPLING),
                EnumSet.of(LessonControl.LAYERS), List.of(LessonStep.say("First."),
                        new LessonStep("Second: predict.", "The answer.", new LessonAction.GoToLayer(1)),
                        new LessonStep("Third.", null, new LessonAction.Compare())), withModel);
    }

    @Test
    void aSavedLessonOpensAsTheSameStateWithItsStepsInOrder() throws Exception {
        f.round();
        vm.form().datasetProperty().set(ToyDataset.CIRCLES);
        vm.form().text(SettingsFormViewModel.Field.LAYERS).set("3");
        vm.form().couplingProperty().set(CouplingType.ADDITIVE);
        vm.form().applyArchitecture();
        f.round();
        vm.layers().layerPositionProperty().set(2);
        f.round();
        Path file = dir.resolve("c" + LessonFile.EXTENSION);
        vm.lesson().save(file, draft(false));
        f.round();
        assertTrue(Files.exists(file), vm.status().failureProperty().get());

        // somewhere else entirely, then the lesson
        vm.form().datasetProperty().set(ToyDataset.MOONS);
        vm.form().text(SettingsFormViewModel.Field.LAYERS).set("4");
        vm.form().couplingProperty().set(CouplingType.AFFINE);
        vm.form().applyArchitecture();
        f.round();
        vm.lesson().open(file);
        Snapshot s = f.round();
        f.round();
        assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
        assertEquals(ToyDataset.CIRCLES, s.settings().dataset().set());
        assertEquals(3, s.settings().architecture().layers());
        assertEquals(CouplingType.ADDITIVE, s.settings().architecture().coupling());
        assertEquals("3", vm.form().text(SettingsFormViewModel.Field.LAYERS).get());
        assertEquals(2, vm.layers().currentLayerProperty().get(), "the stepper starts where it was saved");
        Lesson l = vm.lesson().activeProperty().get();
        assertNotNull(l);
        assertEquals(EnumSet.of(LessonControl.COUPLING), l.hiddenControls());
        assertEquals(EnumSet.of(LessonControl.LAYERS), l.lockedControls());
        assertEquals(Set.of("loss"), l.hiddenPanels());
        assertEquals(List.of("First.", "Second: predict.", "Third."), l.steps().stream().map(LessonStep::text).toList());

        // steps: Next, Reveal runs the answer's action, Back, and compare says it is not there
        assertEquals(0, vm.lesson().stepProperty().get());
        vm.lesson().next();
        assertEquals(1, vm.lesson().stepProperty().get());
        assertEquals(2, vm.layers().currentLayerProperty().get(), "a question's action waits for Reveal");
        vm.lesson().reveal();
        assertTrue(vm.lesson().revealedProperty().get());
        assertEquals(1, vm.layers().currentLayerProperty().get());
        vm.lesson().next();
        assertEquals(LessonViewModel.NO_COMPARE, vm.status().failureProperty().get());
        vm.lesson().next();
        assertEquals(2, vm.lesson().stepProperty().get(), "no step after the last");
        vm.lesson().back();
        assertEquals(1, vm.lesson().stepProperty().get());
        assertFalse(vm.lesson().revealedProperty().get());
        vm.lesson().leave();
        assertNull(vm.lesson().activeProperty().get());
    }

    @Test
    void aLessonWithItsModelOpensTheTrainedModel() throws Exception {
        f.round();
        f.worker().runStepsNow(15);
        f.round();
        float[] logProb = f.worker().forTesting().model().logProb(PROBE);
        Path file = dir.resolve("trained.lesson.zip");
        vm.lesson().save(file, draft(true));
        f.round();
        assertTrue(LessonFile.isLesson(file));
        vm.training().reset();
        f.round();
        vm.lesson().open(file);
        Snapshot s = f.round();
        assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
        assertEquals(15, s.status().step());
        assertArrayEquals(logProb, f.worker().forTesting().model().logProb(PROBE));
        assertEquals("Circles", vm.lesson().activeProperty().get().title());
    }

    @Test
    void badLessonFilesGiveOneMessageAndChangeNothing() throws Exception {
        f.round();
        f.worker().runStepsNow(10);
        Snapshot before = f.round();
        float[] logProb = f.worker().forTesting().model().logProb(PROBE);
        String good = LessonFile.toJsonText(draft(false).over(new org.flowexplorer.model.io.SessionSettings(
                new org.flowexplorer.model.io.DataSource.Toy(ToyDataset.MOONS, 400, 0.1, 0),
                new org.flowexplorer.model.flow.Architecture(4, new int[] {16, 16}, CouplingType.AFFINE),
                new org.flowexplorer.model.train.TrainingConfig(64, 5e-3, 1, 0), null), null, 0, null));
        Path notJson = dir.resolve("bad" + LessonFile.EXTENSION);
        Files.writeString(notJson, "{ \"format\": ");
        Path wrongType = dir.resolve("wrong" + LessonFile.EXTENSION);
        Files.writeString(wrongType, good.replace("\"batchSize\" : 64", "\"batchSize\" : [64]"));
        Path big = dir.resolve("big" + LessonFile.EXTENSION);
        Files.write(big, new byte[LessonFile.MAX_BYTES + 1]);
        for (Path p : List.of(notJson, wrongType, big)) {
            List<String> errors = new ArrayList<>();
            javafx.beans.value.ChangeListener<String> l = (o, was, now) -> {
                if (now != null) {
                    errors.add(now);
                }
            };
            vm.status().failureProperty().addListener(l);
            vm.lesson().open(p);
            Snapshot s = f.round();
            vm.status().failureProperty().removeListener(l);
            assertEquals(1, errors.size(), "one message: " + errors);
            assertTrue(errors.get(0).contains(p.getFileName().toString()), errors.get(0));
            assertEquals(before.runId(), s.runId(), "untouched");
            assertEquals(before.status().step(), s.status().step());
            assertSame(before.view().points(), s.view().points());
            assertArrayEquals(logProb, f.worker().forTesting().model().logProb(PROBE));
            assertNull(vm.lesson().activeProperty().get());
        }
    }

    /**
     * A lesson saved from a spline flow over a mixture base opens as that flow: the form's K and B and
     * the base go into the lesson and come back into the model built (opening kept only layers, widths
     * and coupling, and the lesson reader did not know the base).
     */
    @Test
    void aLessonKeepsTheSplineShapeAndTheBase() throws Exception {
        f.round();
        vm.form().couplingProperty().set(CouplingType.SPLINE);
        vm.form().text(Field.LAYERS).set("2");
        vm.form().text(Field.BINS).set("6");
        vm.form().text(Field.TAIL_BOUND).set("3.5");
        vm.form().baseProperty().set(BaseDistribution.mixture(2));
        assertTrue(vm.form().applyArchitecture(), vm.form().error(SettingsFormViewModel.Section.ARCHITECTURE).get());
        Snapshot trained = f.round();
        assertEquals(new SplineShape(6, 3.5), trained.settings().architecture().spline());
        Path file = dir.resolve("s" + LessonFile.EXTENSION);
        vm.lesson().save(file, draft(false));
        f.round();
        assertTrue(Files.exists(file), vm.status().failureProperty().get());

        vm.form().show(null, ArchitectureSettings.defaults(), 1e-3, 64);
        assertTrue(vm.form().applyArchitecture());
        f.round();
        vm.lesson().open(file);
        f.round();
        Snapshot s = f.round();
        assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
        ArchitectureSettings a = s.settings().architecture();
        assertEquals(CouplingType.SPLINE, a.coupling());
        assertEquals(new SplineShape(6, 3.5), a.spline());
        assertEquals(BaseDistribution.mixture(2), a.base());
        assertEquals("6", vm.form().text(Field.BINS).get());
        assertEquals("3.5", vm.form().text(Field.TAIL_BOUND).get());
    }
}
