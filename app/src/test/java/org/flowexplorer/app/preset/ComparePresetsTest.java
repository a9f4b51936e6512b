package org.flowexplorer.app.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.junit.jupiter.api.Test;

/** The compare presets (issue 13's four and the scale bound of issue 14): what each side differs in, and that the catalogue stays apart from all(). */
class ComparePresetsTest {
    @Test
    void eachComparisonDiffersInWhatItsNameSays() {
        List<ComparePreset> all = Presets.comparisons();
        Set<String> names = new HashSet<>(all.stream().map(ComparePreset::name).toList());
        assertEquals(5, names.size(), "five presets with names of their own");
        all.forEach(p -> assertTrue(p.description().length() > 150 && p.watchFor().length() <= 110
                && Presets.byName(p.name()).isEmpty(), p.name() + ": a paragraph, one short line, not in the one-model menu"));
        ComparePreset coupling = Presets.COMPARE_AFFINE_ADDITIVE;
        assertEquals(ToyDataset.CHECKERBOARD, coupling.a().dataset());
        assertEquals(CouplingType.AFFINE, coupling.a().architecture().coupling());
        assertEquals(CouplingType.ADDITIVE, coupling.b().architecture().coupling());
        assertEquals(ToyDataset.TWO_SPIRALS, Presets.COMPARE_DEPTH.a().dataset());
        assertEquals(2, Presets.COMPARE_DEPTH.a().architecture().layers());
        assertEquals(8, Presets.COMPARE_DEPTH.b().architecture().layers());
        assertEquals(1e-3, Presets.COMPARE_LEARNING_RATE.a().training().learningRate());
        assertEquals(3e-2, Presets.COMPARE_LEARNING_RATE.b().training().learningRate());
        assertEquals(64, Presets.COMPARE_WIDTH.a().architecture().hidden()[0]);
        assertEquals(256, Presets.COMPARE_WIDTH.b().architecture().hidden()[0]);
        assertEquals(org.flowexplorer.model.flow.ScaleFunction.DEFAULT, Presets.COMPARE_SCALE_BOUND.a().architecture().scale());
        assertEquals(org.flowexplorer.model.flow.ScaleFunction.EXP, Presets.COMPARE_SCALE_BOUND.b().architecture().scale());
        for (ComparePreset p : all) {
            // one difference at a time: everything else (seed, batch, the other settings) is the same
            assertEquals(p.a().training().seed(), p.b().training().seed(), p.name());
            assertEquals(p.a().training().batchSize(), p.b().training().batchSize(), p.name());
            assertNotEquals(CompareSide.describe(p.a().architecture(), p.a().training()),
                    CompareSide.describe(p.b().architecture(), p.b().training()), p.name());
        }
        assertEquals("8×128×128 additive, lr 0.001, batch 256, seed 0",
                CompareSide.describe(coupling.b().architecture(), coupling.b().training()));
        assertEquals("8×256×256 affine, lr 0.03, batch 256, seed 0",
                CompareSide.describe(Presets.COMPARE_LEARNING_RATE.b().architecture(), Presets.COMPARE_LEARNING_RATE.b().training()));
    }
}
