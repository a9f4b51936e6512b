package org.flowexplorer.app.preset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.io.SessionSettings;
import org.flowexplorer.model.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class PresetsTest {
    @Test
    void catalogue() {
        List<Preset> all = Presets.all();
        assertEquals(14, all.size()); // the seven of the seed round, "Glow's blocks", "Spline vs affine: checkerboard", "Four circles", "Image as density", "Batch norm at a high learning rate", "Reverse KL misses a mode", "Mixture base"
        Set<String> names = new HashSet<>();
        for (Preset p : all) {
            assertTrue(names.add(p.name()), "duplicate name " + p.name());
            assertTrue(p.description().length() > 150, p.name() + ": description should be a paragraph");
            assertEquals(p, Presets.byName(p.name()).orElseThrow());
        }
        assertTrue(Presets.byName("nope").isEmpty());
        assertEquals(Architecture.DEFAULT, Presets.SEED_DEFAULT.architecture());
        assertEquals(1, Presets.ONE_LAYER.architecture().layers());
        assertEquals(0.05, Presets.LEARNING_RATE_TOO_HIGH.training().learningRate());
        assertEquals(ToyDataset.PINWHEEL, Presets.DEEP_PINWHEEL.dataset());
    }

    @Test
    void dataAndSettingsAreDeterministic() {
        Preset p = Presets.TOO_FEW_LAYERS;
        assertArrayEquals(p.generateData(), p.generateData());
        assertEquals(2 * p.n(), p.generateData().length);
        SessionSettings s = p.settings();
        assertEquals(new DataSource.Toy(ToyDataset.TWO_SPIRALS, 4000, 0.1, 0), s.dataSource());
        assertEquals(p.architecture(), s.architecture());
        assertEquals(p.training(), s.training());
        assertEquals("density", s.view().get(Preset.VIEW_KEY));
    }

    @Test
    void everyPresetSaysInOneShortSentenceWhatToWatchFor() {
        for (Preset p : Presets.all()) {
            String w = p.watchFor();
            assertTrue(w.endsWith(".") && !w.substring(0, w.length() - 1).contains(". "), p.name() + ": one sentence: " + w);
            assertTrue(w.length() <= 110, p.name() + ": short enough for one line at 1024 px: " + w.length() + " chars");
        }
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> new Preset("x", "y", " ", ToyDataset.MOONS, 10, 0.1, 0,
                Architecture.DEFAULT, TrainingConfig.DEFAULT, 10, Preset.View.LOSS));
        assertThrows(IllegalArgumentException.class, () -> new Preset("x", "y", "w", ToyDataset.MOONS, 0, 0.1, 0,
                Architecture.DEFAULT, TrainingConfig.DEFAULT, 10, Preset.View.LOSS));
        assertThrows(IllegalArgumentException.class, () -> new Preset(" ", "y", "w", ToyDataset.MOONS, 10, 0.1, 0,
                Architecture.DEFAULT, TrainingConfig.DEFAULT, 10, Preset.View.LOSS));
        assertThrows(IllegalArgumentException.class, () -> new Preset("x", "y", "w", ToyDataset.MOONS, 10, 0.1, 0,
                Architecture.DEFAULT, TrainingConfig.DEFAULT, 0, Preset.View.LOSS));
    }

    @Test
    void theImagePresetTrainsOnTheShippedPicture() {
        Preset p = Presets.IMAGE_DENSITY;
        assertEquals(new DataSource.Custom("image letter-f.png"), p.settings().dataSource());
        assertEquals("image letter-f.png", p.dataName());
        assertEquals(2 * p.n(), p.generateData().length);
        assertArrayEquals(p.generateData(), p.generateData());
        assertThrows(IllegalArgumentException.class, () -> new ComparePreset("c", "d".repeat(10), "w.", p, "a",
                new CompareSide("b", p.architecture(), p.training())));
    }
}
