package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.flowexplorer.app.lesson.LessonDraft;
import org.flowexplorer.app.lesson.LessonFile;
import org.flowexplorer.app.lesson.LessonStep;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.SplineShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson saved from a spline flow over a mixture base opens as that flow: the form's K and B and
 * the base go into the lesson and come back into the model built (opening kept only layers, widths
 * and coupling, and the lesson reader did not know the base).
 */
class LessonBlocksTest {
    @TempDir
    Path dir;
    private final SameThreadWorker.Fixture f = SameThreadWorker.Fixture.start();
    private final ExplorerViewModel vm = f.vm();

    @AfterEach
    void close() {
        f.close();
    }

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
        vm.lesson().save(file, new LessonDraft("Spline", "", Set.of(), EnumSet.noneOf(org.flowexplorer.app.lesson.LessonControl.class),
                EnumSet.noneOf(org.flowexplorer.app.lesson.LessonControl.class), List.of(LessonStep.say("Look.")), false));
        f.round();
        assertTrue(Files.exists(file), vm.status().failureProperty().get());

        vm.form().show(null, ArchitectureSettings.defaults(), 1e-3, 64);
        assertTrue(vm.form().applyArchitecture());
        f.round();
        vm.lesson().open(file);
        Snapshot s = f.round();
        f.round();
        assertNull(vm.status().failureProperty().get(), vm.status().failureProperty().get());
        ArchitectureSettings a = vm.getSnapshot().settings().architecture();
        assertEquals(CouplingType.SPLINE, a.coupling());
        assertEquals(new SplineShape(6, 3.5), a.spline());
        assertEquals(BaseDistribution.mixture(2), a.base());
        assertEquals("6", vm.form().text(Field.BINS).get());
        assertEquals("3.5", vm.form().text(Field.TAIL_BOUND).get());
        assertTrue(s != null);
    }
}
