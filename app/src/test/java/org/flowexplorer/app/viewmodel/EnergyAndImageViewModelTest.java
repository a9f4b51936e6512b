package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowexplorer.app.io.ImageDensityImport;
import org.flowexplorer.app.preset.Presets;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.energy.RezendePotential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Open image as density…" and the form's "Energy (reverse KL)" field, through the view model and a same-thread worker. */
class EnergyAndImageViewModelTest {
    @TempDir
    Path dir;

    @Test
    void anImageOpensAsPointsAndABadOneChangesNothing() throws Exception {
        try (SameThreadWorker.Fixture f = SameThreadWorker.Fixture.start()) {
            Snapshot before = f.round();
            Path fake = Files.writeString(dir.resolve("fake.png"), "not an image");
            f.vm().files().openImageDensity(fake, true);
            f.round();
            assertTrue(f.vm().status().failureProperty().get().contains("not a PNG or JPEG"),
                    f.vm().status().failureProperty().get());
            assertSame(before.view().points(), f.round().view().points());
            f.vm().status().clearFailure();

            Path png = dir.resolve("f.png");
            try (InputStream in = ImageDensityImport.class.getResourceAsStream(ImageDensityImport.EXAMPLE)) {
                Files.copy(in, png);
            }
            f.vm().files().openImageDensity(png, true);
            f.round();
            Snapshot s = f.round();
            assertNull(f.vm().status().failureProperty().get());
            assertEquals("image f.png", s.dataName());
            assertTrue(f.sent().stream().anyMatch(c -> c instanceof Command.SetCustomData d
                    && d.points().length == 2 * 4000));
            // the image's exact entropy is the loss chart's floor, and the form names the real source
            double h = ImageDensityImport.read(png, true, ImageDensityImport.DEFAULT_HALF_WIDTH).entropy();
            assertEquals(h, s.lowerBound().getAsDouble(), 1e-12);
            assertEquals("image f.png, 4000 points", f.vm().form().customSourceProperty().get());
        }
    }

    @Test
    void theImagePresetHasTheImagesEntropyAsFloorAndTheFormNamesTheImage() {
        try (SameThreadWorker.Fixture f = SameThreadWorker.Fixture.start()) {
            f.round();
            f.vm().applyPreset(Presets.IMAGE_DENSITY);
            f.round();
            Snapshot s = f.round();
            assertEquals("image letter-f.png", s.dataName());
            assertEquals(Presets.IMAGE_DENSITY.image().density().entropy(), s.lowerBound().getAsDouble(), 1e-12);
            assertEquals("", s.heldOut().noFloorReason());
            assertEquals("image letter-f.png, 4000 points", f.vm().form().customSourceProperty().get());
            // back on a toy set the form says nothing about own data
            f.vm().applyPreset(Presets.SEED_DEFAULT);
            f.round();
            f.round();
            assertEquals("", f.vm().form().customSourceProperty().get());
        }
    }

    @Test
    void theEnergyFieldSwitchesToReverseKlAndABadFormulaIsAFormError() {
        try (SameThreadWorker.Fixture f = SameThreadWorker.Fixture.start()) {
            f.round();
            SettingsFormViewModel form = f.vm().form();
            form.text(SettingsFormViewModel.Field.ENERGY).set("x1 + * x2");
            assertFalse(form.applyDataset());
            assertTrue(form.error(SettingsFormViewModel.Section.DATASET).get().contains("column 6"),
                    form.error(SettingsFormViewModel.Section.DATASET).get());

            form.text(SettingsFormViewModel.Field.ENERGY).set("U1");
            assertTrue(form.applyDataset());
            f.round();
            f.worker().submit(new Command.Step(20));
            Snapshot s = f.round();
            assertEquals("energy U1", s.dataName());
            assertEquals("U1", s.settings().dataset().energy());
            assertSame(RezendePotential.U1, f.worker().forTesting().trainer().energy(), "the trainer fits U1 by reverse KL");
        }
    }

    @Test
    void thePresetTrainsByReverseKl() {
        try (SameThreadWorker.Fixture f = SameThreadWorker.Fixture.start()) {
            f.round();
            f.vm().applyPreset(Presets.REVERSE_KL_MISSES_A_MODE);
            Snapshot s = f.round();
            assertEquals(Presets.TWO_MODES, s.settings().dataset().energy());
            assertEquals(Presets.TWO_MODES, f.vm().form().text(SettingsFormViewModel.Field.ENERGY).get());
        }
    }
}
