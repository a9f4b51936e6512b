package org.flowexplorer.app.viewmodel;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.flowexplorer.app.session.LastSettings;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;

/**
 * The data, model and training fields as text bound to the controls, validated when applied: an
 * error goes to the matching {@code …Error} property (never an exception) and nothing is sent.
 * {@link #show} is the one way the fields are filled from settings.
 */
public final class SettingsFormViewModel {
    private final CommandChannel commands;
    private final TrainingControlsViewModel training;
    private final ObjectProperty<ToyDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final StringProperty pointsText = new SimpleStringProperty(this, "pointsText");
    private final StringProperty noiseText = new SimpleStringProperty(this, "noiseText");
    private final StringProperty seedText = new SimpleStringProperty(this, "seedText");
    private final StringProperty layersText = new SimpleStringProperty(this, "layersText");
    private final StringProperty hiddenText = new SimpleStringProperty(this, "hiddenText");
    private final ObjectProperty<CouplingType> coupling = new SimpleObjectProperty<>(this, "coupling");
    private final StringProperty learningRateText = new SimpleStringProperty(this, "learningRateText");
    private final StringProperty batchSizeText = new SimpleStringProperty(this, "batchSizeText");
    private final StringProperty sampleCountText = new SimpleStringProperty(this, "sampleCountText", "1000");
    private final ReadOnlyStringWrapper datasetError = new ReadOnlyStringWrapper(this, "datasetError", "");
    private final ReadOnlyStringWrapper architectureError = new ReadOnlyStringWrapper(this, "architectureError", "");
    private final ReadOnlyStringWrapper learningRateError = new ReadOnlyStringWrapper(this, "learningRateError", "");
    private final ReadOnlyStringWrapper batchSizeError = new ReadOnlyStringWrapper(this, "batchSizeError", "");
    private final ReadOnlyStringWrapper sampleError = new ReadOnlyStringWrapper(this, "sampleError", "");
    /** What the worker trains with now (its last snapshot). */
    private LastSettings trained;
    private long architectureSeed;
    private long sampleSeed = 1;

    public SettingsFormViewModel(CommandChannel commands, TrainingControlsViewModel training) {
        this.commands = commands;
        this.training = training;
    }

    /**
     * Fills the fields from settings. {@code data} may be null to leave the data fields as they are
     * (custom points: the toy settings do not describe them).
     */
    public void show(DatasetSettings data, ArchitectureSettings architecture, double learningRate, int batchSize) {
        if (data != null) {
            dataset.set(data.set());
            pointsText.set(Integer.toString(data.n()));
            noiseText.set(NumberText.format(data.noise()));
            seedText.set(Long.toString(data.seed()));
        }
        layersText.set(Integer.toString(architecture.layers()));
        hiddenText.set(architecture.hiddenText());
        coupling.set(architecture.coupling());
        learningRateText.set(NumberText.format(learningRate));
        batchSizeText.set(Integer.toString(batchSize));
    }

    /** After a restart (reset, new data or model, a file opened) the fields show what is really trained. */
    void accept(SnapshotDiff d) {
        ArchitectureSettings a = d.architecture();
        trained = new LastSettings(d.dataset().set(), new Architecture(a.layers(), a.hidden(), a.coupling()),
                d.learningRate(), d.batchSize());
        architectureSeed = a.seed();
        if (d.newRun()) {
            show(d.customData() && !d.first() ? null : d.dataset(), a, d.learningRate(), d.batchSize());
        }
    }

    /** The settings trained with now, for remembering at exit. */
    public LastSettings lastSettings() {
        return trained;
    }

    /** Validates the learning-rate text and sends it; applies from the next step. */
    public boolean applyLearningRate() {
        Parsed<Double> lr = Inputs.number(learningRateText.get(), "Learning rate", 0, FormLimits.MAX_LEARNING_RATE, true);
        learningRateError.set(lr.error());
        if (lr.isOk()) {
            commands.send(new Command.SetLearningRate(lr.value()));
        }
        return lr.isOk();
    }

    /** Validates the batch-size text and sends it; applies from the next step. */
    public boolean applyBatchSize() {
        Parsed<Integer> b = Inputs.integer(batchSizeText.get(), "Batch size", 1, FormLimits.MAX_BATCH_SIZE);
        batchSizeError.set(b.error());
        if (b.isOk()) {
            commands.send(new Command.SetBatchSize(b.value()));
        }
        return b.isOk();
    }

    /** Validates the data fields and regenerates the data (the model is reset). */
    public boolean applyDataset() {
        Parsed<Integer> n = Inputs.integer(pointsText.get(), "Number of points", FormLimits.MIN_POINTS,
                FormLimits.MAX_POINTS);
        Parsed<Double> noise = Inputs.number(noiseText.get(), "Noise", 0, FormLimits.MAX_NOISE, false);
        Parsed<Long> seed = Inputs.seed(seedText.get());
        String err = firstError(n.error(), noise.error(), seed.error());
        datasetError.set(err);
        if (!err.isEmpty() || dataset.get() == null) {
            return false;
        }
        commands.send(new Command.ChangeDataset(new DatasetSettings(dataset.get(), n.value(), noise.value(), seed.value())));
        training.pauseLocally();
        return true;
    }

    /** Validates the model fields and builds a new model (training restarts at step 0). */
    public boolean applyArchitecture() {
        Parsed<Integer> layers = Inputs.integer(layersText.get(), "Layers", 1, FormLimits.MAX_LAYERS);
        Parsed<int[]> hidden = Inputs.hidden(hiddenText.get(), FormLimits.MAX_WIDTH);
        String err = firstError(layers.error(), hidden.error());
        architectureError.set(err);
        if (!err.isEmpty() || coupling.get() == null) {
            return false;
        }
        commands.send(new Command.ChangeArchitecture(
                new ArchitectureSettings(layers.value(), hidden.value(), coupling.get(), architectureSeed)));
        training.pauseLocally();
        return true;
    }

    /** One click: the reference architecture, 8 affine layers with hidden 256,256. */
    public void useReferenceArchitecture() {
        ArchitectureSettings a = ArchitectureSettings.referenceDefault();
        layersText.set(Integer.toString(a.layers()));
        hiddenText.set(a.hiddenText());
        coupling.set(a.coupling());
        applyArchitecture();
    }

    /** A new set of model samples (n from the sample-count field); each press draws fresh z. */
    public boolean sample() {
        Parsed<Integer> n = Inputs.integer(sampleCountText.get(), "Number of samples", 1, FormLimits.MAX_SAMPLES);
        sampleError.set(n.error());
        if (n.isOk()) {
            commands.send(new Command.Sample(n.value(), sampleSeed++));
        }
        return n.isOk();
    }

    public void clearSamples() {
        commands.send(new Command.Sample(0, 0));
    }

    /** Forgets the data and model errors (the fields were just filled with valid settings). */
    void clearSettingsErrors() {
        datasetError.set("");
        architectureError.set("");
    }

    private static String firstError(String... errors) {
        for (String e : errors) {
            if (!e.isEmpty()) {
                return e;
            }
        }
        return "";
    }

    public ObjectProperty<ToyDataset> datasetProperty() {
        return dataset;
    }

    public StringProperty pointsTextProperty() {
        return pointsText;
    }

    public StringProperty noiseTextProperty() {
        return noiseText;
    }

    public StringProperty seedTextProperty() {
        return seedText;
    }

    public StringProperty layersTextProperty() {
        return layersText;
    }

    public StringProperty hiddenTextProperty() {
        return hiddenText;
    }

    public ObjectProperty<CouplingType> couplingProperty() {
        return coupling;
    }

    public StringProperty learningRateTextProperty() {
        return learningRateText;
    }

    public StringProperty batchSizeTextProperty() {
        return batchSizeText;
    }

    public StringProperty sampleCountTextProperty() {
        return sampleCountText;
    }

    public ReadOnlyStringProperty datasetErrorProperty() {
        return datasetError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty architectureErrorProperty() {
        return architectureError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty learningRateErrorProperty() {
        return learningRateError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty batchSizeErrorProperty() {
        return batchSizeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sampleErrorProperty() {
        return sampleError.getReadOnlyProperty();
    }
}
