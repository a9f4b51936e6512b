package org.flowexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Section;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.junit.jupiter.api.Test;

/** The settings form on its own: no worker, no display; commands land in a list. */
class SettingsFormViewModelTest {
    private final List<Command> sent = new ArrayList<>();
    private final CommandChannel commands = new CommandChannel(sent::add);
    private final TrainingControlsViewModel training = new TrainingControlsViewModel(commands);
    private final SettingsFormViewModel form = new SettingsFormViewModel(commands, training);

    private static final ArchitectureSettings ARCH = new ArchitectureSettings(6, new int[] {32, 16}, CouplingType.ADDITIVE, 3);

    @Test
    void showFillsEveryFieldFromSettings() {
        form.show(new DatasetSettings(ToyDataset.RINGS, 1234, 0.05, 7), ARCH, 3e-4, 128);
        assertEquals(ToyDataset.RINGS, form.datasetProperty().get());
        assertEquals("1234", form.text(Field.POINTS).get());
        assertEquals("0.05", form.text(Field.NOISE).get());
        assertEquals("7", form.text(Field.DATA_SEED).get());
        assertEquals("6", form.text(Field.LAYERS).get());
        assertEquals("32,16", form.text(Field.HIDDEN).get());
        assertEquals(CouplingType.ADDITIVE, form.couplingProperty().get());
        assertEquals("3e-4", form.text(Field.LEARNING_RATE).get());
        assertEquals("128", form.text(Field.BATCH_SIZE).get());
        assertEquals("1000", form.text(Field.SAMPLE_COUNT).get(), "the sample count is the form's own");
    }

    @Test
    void showWithoutDataLeavesTheDataFieldsForCustomPoints() {
        form.show(new DatasetSettings(ToyDataset.MOONS, 500, 0.1, 1), ARCH, 1e-3, 64);
        form.show(null, ArchitectureSettings.referenceDefault(), 5e-3, 256);
        assertEquals("500", form.text(Field.POINTS).get());
        assertEquals(ToyDataset.MOONS, form.datasetProperty().get());
        assertEquals("256,256", form.text(Field.HIDDEN).get());
        assertEquals("0.005", form.text(Field.LEARNING_RATE).get());
    }

    @Test
    void limitsAreTheOnesTheWorkerRecordsDefine() {
        form.show(new DatasetSettings(ToyDataset.MOONS, 500, 0.1, 1), ARCH, 1e-3, 64);
        form.text(Field.POINTS).set(Integer.toString(FormLimits.MAX_POINTS + 1));
        assertFalse(form.applyDataset());
        assertTrue(form.error(Section.DATASET).get().contains(Integer.toString(DatasetSettings.MAX_POINTS)),
                form.error(Section.DATASET).get());
        form.text(Field.POINTS).set(Integer.toString(FormLimits.MIN_POINTS - 1));
        assertFalse(form.applyDataset());
        form.text(Field.POINTS).set(Integer.toString(FormLimits.MAX_POINTS));
        assertTrue(form.applyDataset());
        assertEquals("", form.error(Section.DATASET).get());

        form.text(Field.LAYERS).set(Integer.toString(ArchitectureSettings.MAX_LAYERS + 1));
        assertFalse(form.applyArchitecture());
        assertTrue(form.error(Section.ARCHITECTURE).get().contains("1 to " + ArchitectureSettings.MAX_LAYERS),
                form.error(Section.ARCHITECTURE).get());
        form.text(Field.LAYERS).set(Integer.toString(ArchitectureSettings.MAX_LAYERS));
        assertTrue(form.applyArchitecture());

        form.text(Field.SAMPLE_COUNT).set(Integer.toString(FormLimits.MAX_SAMPLES + 1));
        assertFalse(form.sample());
        form.text(Field.SAMPLE_COUNT).set(Integer.toString(FormLimits.MAX_SAMPLES));
        assertTrue(form.sample());
        assertEquals(List.of(Command.ChangeDataset.class, Command.ChangeArchitecture.class, Command.Sample.class),
                sent.stream().map(Object::getClass).toList(), "only valid input is sent");
    }

    @Test
    void errorsStayPerSectionUntilTheSectionIsAppliedAgain() {
        form.show(new DatasetSettings(ToyDataset.MOONS, 500, 0.1, 1), ARCH, 1e-3, 64);
        form.text(Field.BATCH_SIZE).set("many");
        form.text(Field.LEARNING_RATE).set("2");
        assertFalse(form.applyBatchSize());
        assertFalse(form.applyLearningRate());
        assertTrue(form.error(Section.BATCH_SIZE).get().contains("whole number"), form.error(Section.BATCH_SIZE).get());
        assertTrue(form.error(Section.LEARNING_RATE).get().contains("at most 1"), form.error(Section.LEARNING_RATE).get());
        assertEquals("", form.error(Section.DATASET).get());
        form.text(Field.BATCH_SIZE).set("32");
        assertTrue(form.applyBatchSize());
        assertEquals("", form.error(Section.BATCH_SIZE).get());
        assertFalse(form.error(Section.LEARNING_RATE).get().isEmpty());
        assertTrue(sent.get(0) instanceof Command.SetBatchSize b && b.batchSize() == 32);
    }

    @Test
    void numbersShowShortAndExact() {
        assertEquals("1e-3", NumberText.format(1e-3));
        assertEquals("0.005", NumberText.format(0.005));
        assertEquals("256", NumberText.format(256));
        assertEquals("2.5", NumberText.format(2.5));
        assertEquals("3e-4", NumberText.format(3e-4));
    }

    @Test
    void theFormSendsTheScaleAndBatchNormAndShowsThem() {
        ArchitectureSettings normed = new ArchitectureSettings(6, new int[] {32, 16}, CouplingType.AFFINE, 3,
                org.flowexplorer.model.flow.ScaleFunction.SOFTPLUS, true);
        form.show(new DatasetSettings(ToyDataset.MOONS, 500, 0.1, 1), normed, 1e-3, 64);
        assertEquals("softplus", form.text(Field.SCALE).get());
        assertTrue(form.batchNormProperty().get());
        form.text(Field.SCALE).set("tanh:3");
        form.batchNormProperty().set(false);
        assertTrue(form.applyArchitecture());
        ArchitectureSettings a = ((Command.ChangeArchitecture) sent.get(sent.size() - 1)).settings();
        assertEquals(org.flowexplorer.model.flow.ScaleFunction.tanh(3), a.scale());
        assertFalse(a.batchNorm());
        form.batchNormProperty().set(true);
        assertTrue(form.applyArchitecture());
        assertTrue(((Command.ChangeArchitecture) sent.get(sent.size() - 1)).settings().batchNorm());
        assertTrue(((Command.ChangeArchitecture) sent.get(sent.size() - 1)).settings().spec().batchNorm());
    }

    @Test
    void anUnknownScaleIsAnArchitectureErrorAndSendsNothing() {
        form.show(new DatasetSettings(ToyDataset.MOONS, 500, 0.1, 1), ARCH, 1e-3, 64);
        int before = sent.size();
        form.text(Field.SCALE).set("sigmoid");
        assertFalse(form.applyArchitecture());
        assertTrue(form.error(Section.ARCHITECTURE).get().contains("sigmoid"), form.error(Section.ARCHITECTURE).get());
        assertEquals(before, sent.size());
    }

    @Test
    void theFormSendsTheNormAndMixer() {
        form.show(new DatasetSettings(ToyDataset.MOONS, 500, 0.1, 1), ARCH, 1e-3, 64);
        form.normProperty().set(org.flowexplorer.model.flow.Norm.ACT);
        form.mixerProperty().set(org.flowexplorer.model.flow.Mixer.ROTATION);
        assertFalse(form.batchNormProperty().get());
        assertTrue(form.applyArchitecture());
        ArchitectureSettings a = ((Command.ChangeArchitecture) sent.get(sent.size() - 1)).settings();
        assertEquals(org.flowexplorer.model.flow.Norm.ACT, a.norm());
        assertEquals(org.flowexplorer.model.flow.Mixer.ROTATION, a.spec().mixer());
        form.batchNormProperty().set(true);
        assertEquals(org.flowexplorer.model.flow.Norm.BATCH, form.normProperty().get());
    }

    @Test
    void theFormSendsTheBaseAndShowsASettingsBase() {
        form.show(new DatasetSettings(ToyDataset.EIGHT_GAUSSIANS, 500, 0.5, 1), ARCH, 1e-3, 64);
        assertEquals(org.flowexplorer.model.flow.BaseDistribution.GAUSSIAN, form.baseProperty().get());
        form.baseProperty().set(org.flowexplorer.model.flow.BaseDistribution.mixture(8));
        assertTrue(form.applyArchitecture());
        ArchitectureSettings a = ((Command.ChangeArchitecture) sent.get(sent.size() - 1)).settings();
        assertEquals(org.flowexplorer.model.flow.BaseDistribution.mixture(8), a.spec().base());
        assertEquals(a, ArchitectureSettings.of(a.architecture(), a.seed()), "the settings and the model's Architecture agree on the base");
        form.show(new DatasetSettings(ToyDataset.MOONS, 500, 0.1, 1), ARCH, 1e-3, 64);
        assertEquals(org.flowexplorer.model.flow.BaseDistribution.GAUSSIAN, form.baseProperty().get(), "show() resets it");
    }
}
