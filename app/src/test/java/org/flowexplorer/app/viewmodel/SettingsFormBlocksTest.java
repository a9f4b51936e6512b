package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.app.preset.CompareSide;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Section;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.ScaleFunction;
import org.flowexplorer.model.flow.SplineShape;
import org.junit.jupiter.api.Test;

/** The settings form's spline shape (K, B) and its up-front refusal of reverse KL with blocks or a mixture base. */
class SettingsFormBlocksTest {
    private final List<Command> sent = new ArrayList<>();
    private final CommandChannel commands = new CommandChannel(sent::add);
    private final SettingsFormViewModel form = new SettingsFormViewModel(commands, new TrainingControlsViewModel(commands));
    private static final DatasetSettings MOONS = new DatasetSettings(ToyDataset.MOONS, 500, 0.1, 1);
    private static final ArchitectureSettings SPLINE = new ArchitectureSettings(4, new int[] {16}, CouplingType.SPLINE, 2,
            ScaleFunction.DEFAULT, Norm.NONE, Mixer.NONE, BaseDistribution.GAUSSIAN, new SplineShape(12, 5.5));

    private ArchitectureSettings lastSent() {
        return ((Command.ChangeArchitecture) sent.get(sent.size() - 1)).settings();
    }

    @Test
    void theSplineShapeIsShownForSplineCouplingsOnlyAndSentRoundTrip() {
        form.show(MOONS, SPLINE, 1e-3, 64);
        assertTrue(form.splineShownProperty().get());
        assertEquals("12", form.text(Field.BINS).get());
        assertEquals("5.5", form.text(Field.TAIL_BOUND).get());
        assertTrue(form.applyArchitecture());
        // the init seed is the trained model's (none yet: 0), not part of what show fills
        assertEquals(ArchitectureSettings.of(SPLINE.architecture(), 0), lastSent(), "show → apply gives back the same settings");
        assertEquals(new SplineShape(12, 5.5), lastSent().architecture().spline());
        assertEquals(SPLINE, ArchitectureSettings.of(lastSent().architecture(), 2), "and through the model's Architecture");

        form.couplingProperty().set(CouplingType.AFFINE);
        assertFalse(form.splineShownProperty().get());
        form.text(Field.BINS).set("not read for affine");
        assertTrue(form.applyArchitecture());
        assertEquals(SplineShape.DEFAULT, lastSent().spline(), "an affine flow carries the default shape");
    }

    @Test
    void badBinsOrBoundAreOneLineErrorsAndSendNothing() {
        form.show(MOONS, SPLINE, 1e-3, 64);
        int before = sent.size();
        String[][] bad = {{"1", "4", "Spline bins K must be from 2 to 64 (got 1)."}, {"65", "4", "Spline bins K must be from 2 to 64"},
            {"eight", "4", "Spline bins K must be a whole number"}, {"8", "0", "Tail bound B must be above 0 and at most 1000"},
            {"8", "1e9", "Tail bound B must be above 0"}, {"8", "", "Tail bound B is empty."}};
        for (String[] b : bad) {
            form.text(Field.BINS).set(b[0]);
            form.text(Field.TAIL_BOUND).set(b[1]);
            assertFalse(form.applyArchitecture(), b[0] + " " + b[1]);
            String error = form.error(Section.ARCHITECTURE).get();
            assertTrue(error.startsWith(b[2]), error);
            assertFalse(error.contains("\n"), error);
        }
        assertEquals(before, sent.size());
    }

    @Test
    void reverseKlWithAMixtureBaseOrBlocksIsFlaggedAndNeitherSideIsApplied() {
        form.show(MOONS, ArchitectureSettings.defaults(), 1e-3, 64);
        assertEquals("", form.reverseKlConflictProperty().get());
        form.baseProperty().set(BaseDistribution.mixture(4));
        assertEquals("", form.reverseKlConflictProperty().get(), "maximum likelihood trains a mixture base");
        form.text(Field.ENERGY).set("U2");
        String why = form.reverseKlConflictProperty().get();
        assertEquals("Reverse KL (U = U2): reverse-KL fitting does not support a mixture base (it samples the standard normal)."
                + " Choose Base N(0, I), or clear U.", why);
        int before = sent.size();
        assertFalse(form.applyArchitecture());
        assertEquals(why, form.error(Section.ARCHITECTURE).get());
        assertFalse(form.applyDataset());
        assertEquals(why, form.error(Section.DATASET).get());
        assertEquals(before, sent.size(), "nothing reaches the worker");

        form.baseProperty().set(BaseDistribution.GAUSSIAN);
        form.normProperty().set(Norm.BATCH);
        assertTrue(form.reverseKlConflictProperty().get().contains("does not support batch normalisation. Choose Norm and Mixer none"),
                form.reverseKlConflictProperty().get());
        form.normProperty().set(Norm.NONE);
        form.mixerProperty().set(Mixer.LU);
        assertTrue(form.reverseKlConflictProperty().get().contains("blocks between couplings"));
        form.mixerProperty().set(Mixer.NONE);
        assertEquals("", form.reverseKlConflictProperty().get());
        assertTrue(form.applyArchitecture());
        assertTrue(form.applyDataset());
        assertEquals("U2", ((Command.ChangeDataset) sent.get(sent.size() - 1)).settings().energy());
    }

    @Test
    void compareSideBCarriesTheSplineShapeAndSideAsBlocks() {
        Architecture a = SPLINE.architecture().withBase(BaseDistribution.mixture(2));
        CompareSide b = CompareViewModel.parseSide("B", "3", "8,8", CouplingType.SPLINE, "6", "3", "1e-3", "64", "5", a);
        assertEquals(new SplineShape(6, 3), b.architecture().spline());
        assertEquals(BaseDistribution.mixture(2), b.architecture().base());
        assertEquals(new SplineShape(6, 3), ArchitectureSettings.of(b.architecture(), 5).spline(), "what side B is started with");
        CompareSide affine = CompareViewModel.parseSide("B", "3", "8", CouplingType.AFFINE, "x", "y", "1e-3", "64", "5", a);
        assertEquals(SplineShape.DEFAULT, affine.architecture().spline());
        try {
            CompareViewModel.parseSide("B", "3", "8", CouplingType.SPLINE, "99", "3", "1e-3", "64", "5", a);
            throw new AssertionError("99 bins accepted");
        } catch (IllegalArgumentException e) {
            assertEquals("Spline bins K must be from 2 to 64 (got 99).", e.getMessage());
        }
    }
}
