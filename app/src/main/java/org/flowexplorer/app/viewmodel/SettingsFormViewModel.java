package org.flowexplorer.app.viewmodel;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.flowexplorer.app.prefs.LastSettings;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.energy.Potential;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.flowexplorer.model.flow.RealNVP;
import org.flowexplorer.model.flow.ScaleFunction;
import org.flowexplorer.model.flow.SplineShape;

/**
 * The data, model and training fields as text bound to the controls, validated when applied: an
 * error goes to the matching {@code …Error} property (never an exception) and nothing is sent.
 * {@link #show} is the one way the fields are filled from settings.
 */
public final class SettingsFormViewModel {
    private final CommandChannel commands;
    private final TrainingControlsViewModel training;
    private final ObjectProperty<ToyDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<CouplingType> coupling = new SimpleObjectProperty<>(this, "coupling");
    private final ObjectProperty<Norm> norm = new SimpleObjectProperty<>(this, "norm", Norm.NONE);
    private final ObjectProperty<Mixer> mixer = new SimpleObjectProperty<>(this, "mixer", Mixer.NONE);
    private final ObjectProperty<BaseDistribution> base = new SimpleObjectProperty<>(this, "base", BaseDistribution.GAUSSIAN);
    /** The same as {@code norm == BATCH}, kept in step with {@link #norm}. */
    private final BooleanProperty batchNorm = new SimpleBooleanProperty(this, "batchNorm");
    private final Map<Field, StringProperty> texts = new EnumMap<>(Field.class);
    private final Map<Section, ReadOnlyStringWrapper> errors = new EnumMap<>(Section.class);
    /** What the worker trains with now (its last snapshot). */
    private LastSettings trained;
    private long architectureSeed;
    private long sampleSeed = 1;
    /** Why reverse KL (an energy typed) cannot train the norm, mixer and base chosen; empty when it can. */
    private final ReadOnlyStringWrapper reverseKlConflict = new ReadOnlyStringWrapper(this, "reverseKlConflict", "");
    private final ReadOnlyBooleanWrapper splineShown = new ReadOnlyBooleanWrapper(this, "splineShown");
    private final ReadOnlyStringWrapper customSource = new ReadOnlyStringWrapper(this, "customSource", "");
    /** Set while {@link #show} fills the fields: a data set shown is not a data set picked. */
    private boolean showing;

    /** The text fields. */
    public enum Field {
        POINTS, NOISE, DATA_SEED, LAYERS, HIDDEN, SCALE, LEARNING_RATE, BATCH_SIZE, SAMPLE_COUNT,
        /** A spline coupling's bins K and tail bound B (read only while the coupling is spline). */
        BINS, TAIL_BOUND,
        /** "Energy (reverse KL)": U1…U4 or a formula in x1, x2; blank = maximum likelihood on the data set. */
        ENERGY
    }

    /** The parts of the form that report one error each. */
    public enum Section {
        DATASET, ARCHITECTURE, LEARNING_RATE, BATCH_SIZE, SAMPLES
    }

    public SettingsFormViewModel(CommandChannel commands, TrainingControlsViewModel training) {
        this.commands = commands;
        this.training = training;
        for (Field f : Field.values()) {
            texts.put(f, new SimpleStringProperty(this, f.name()));
        }
        for (Section s : Section.values()) {
            errors.put(s, new ReadOnlyStringWrapper(this, s.name(), ""));
        }
        set(Field.SAMPLE_COUNT, "1000");
        norm.addListener((o, was, now) -> batchNorm.set(now == Norm.BATCH));
        batchNorm.addListener((o, was, now) -> {
            if (now) {
                norm.set(Norm.BATCH);
            } else if (norm.get() == Norm.BATCH) {
                norm.set(Norm.NONE);
            }
        });
        set(Field.BINS, Integer.toString(SplineShape.DEFAULT.bins()));
        set(Field.TAIL_BOUND, NumberText.format(SplineShape.DEFAULT.bound()));
        splineShown.bind(coupling.isEqualTo(CouplingType.SPLINE));
        reverseKlConflict.bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> reverseKlConflict(get(Field.ENERGY), norm.get(), mixer.get(), base.get()),
                texts.get(Field.ENERGY), norm, mixer, base));
        dataset.addListener((o, was, now) -> {
            if (!showing && was != null && now != null && now != was) {
                picked(now);
            }
        });
    }

    /** The user picked another data set: it comes with its own default noise and is trained on at once. */
    private void picked(ToyDataset set) {
        set(Field.NOISE, NumberText.format(set.defaultNoise()));
        applyDataset();
    }

    /**
     * Why the energy typed (reverse KL) and the norm, mixer or base chosen cannot train together, in
     * one line naming what to change (RealNVP's own refusal), or empty: the form flags it beside the
     * choices and refuses to apply either side of it, instead of the worker failing at Play.
     */
    public ReadOnlyStringProperty reverseKlConflictProperty() {
        return reverseKlConflict.getReadOnlyProperty();
    }

    /**
     * What the model trains on when it is the user's own points, e.g. "image letter-f.png, 4000 points"
     * or "drawn points, 300 points"; empty for a toy set. The data fields then describe the set
     * Regenerate would switch to, not these points, so the form says so beside them.
     */
    public ReadOnlyStringProperty customSourceProperty() {
        return customSource.getReadOnlyProperty();
    }

    /** Whether the coupling chosen is spline: its bins K and tail bound B are shown only then. */
    public ReadOnlyBooleanProperty splineShownProperty() {
        return splineShown.getReadOnlyProperty();
    }

    static String reverseKlConflict(String energy, Norm norm, Mixer mixer, BaseDistribution base) {
        String u = energy == null ? "" : energy.trim();
        if (u.isEmpty() || norm == null || mixer == null || base == null) {
            return "";
        }
        String refusal = RealNVP.reverseKlRefusal(norm, mixer, base);
        if (refusal.isEmpty()) {
            return "";
        }
        String change = !base.isGaussian() && norm == Norm.NONE && mixer == Mixer.NONE ? "Base N(0, I)" : "Norm and Mixer none";
        return "Reverse KL (U = " + u + "): " + refusal + ". Choose " + change + ", or clear U.";
    }

    /** The text bound to a field's control. */
    public StringProperty text(Field f) {
        return texts.get(f);
    }

    /** Whether a batch normalisation follows every coupling in the next model built ({@link #normProperty()} is BATCH). */
    public BooleanProperty batchNormProperty() {
        return batchNorm;
    }

    /** What is wrong with a section's input when last applied, empty when nothing is. */
    public ReadOnlyStringProperty error(Section s) {
        return errors.get(s).getReadOnlyProperty();
    }

    /**
     * The norm after every coupling in the next model built: none, batch norm or ActNorm
     * ({@link #batchNormProperty()} follows it).
     */
    public ObjectProperty<Norm> normProperty() {
        return norm;
    }

    /**
     * The data set chosen. Picking another one (not {@link #show} filling the form) sets the noise
     * field to the set's default and applies the data fields at once, as Enter in one of them does.
     */
    public ObjectProperty<ToyDataset> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<CouplingType> couplingProperty() {
        return coupling;
    }

    /** The mixer after every coupling (after its norm) in the next model built: none, LU linear or a fixed rotation. */
    public ObjectProperty<Mixer> mixerProperty() {
        return mixer;
    }

    /** The base distribution of the next model built: the seed's N(0, I) or a learnable Gaussian mixture. */
    public ObjectProperty<BaseDistribution> baseProperty() {
        return base;
    }

    private String get(Field f) {
        return texts.get(f).get();
    }

    private void set(Field f, String text) {
        texts.get(f).set(text);
    }

    /** Shows {@code error} (empty: none) in section {@code s}; returns whether there was none. */
    private boolean report(Section s, String error) {
        errors.get(s).set(error);
        return error.isEmpty();
    }

    /**
     * Fills the fields from settings. {@code data} may be null to leave the data fields as they are
     * (custom points: the toy settings do not describe them).
     */
    public void show(DatasetSettings data, ArchitectureSettings architecture, double learningRate, int batchSize) {
        showing = true; // the settings shown are the worker's or on their way to it: filling the fields sends nothing
        try {
            if (data != null) {
                dataset.set(data.set());
                set(Field.POINTS, Integer.toString(data.n()));
                set(Field.NOISE, NumberText.format(data.noise()));
                set(Field.DATA_SEED, Long.toString(data.seed()));
                set(Field.ENERGY, data.energy() == null ? "" : data.energy());
            }
            showArchitecture(architecture);
            set(Field.LEARNING_RATE, NumberText.format(learningRate));
            set(Field.BATCH_SIZE, Integer.toString(batchSize));
        } finally {
            showing = false;
        }
    }

    /** After a restart (reset, new data or model, a file opened) the fields show what is really trained. */
    void accept(SnapshotDiff d) {
        SnapshotDiff.Settings now = d.settings();
        ArchitectureSettings a = now.architecture();
        trained = new LastSettings(now.dataset().set(), a.architecture(), now.learningRate(), now.batchSize());
        architectureSeed = a.seed();
        customSource.set(now.customSource());
        if (d.newRun()) {
            show(now.customData() && !d.first() ? null : now.dataset(), a, now.learningRate(), now.batchSize());
        }
    }

    /** The settings trained with now, for remembering at exit. */
    public LastSettings lastSettings() {
        return trained;
    }

    /** Validates the learning-rate text and sends it; applies from the next step. */
    public boolean applyLearningRate() {
        if (showing) {
            return true; // the combo box following show(): the rate is already the worker's (or in its Configure)
        }
        Parsed<Double> lr = Inputs.number(get(Field.LEARNING_RATE), "Learning rate", 0, FormLimits.MAX_LEARNING_RATE, true);
        boolean ok = report(Section.LEARNING_RATE, lr.error());
        if (ok) {
            commands.send(new Command.SetLearningRate(lr.value()));
        }
        return ok;
    }

    /** Validates the batch-size text and sends it; applies from the next step. */
    public boolean applyBatchSize() {
        if (showing) {
            return true;
        }
        Parsed<Integer> b = Inputs.integer(get(Field.BATCH_SIZE), "Batch size", 1, FormLimits.MAX_BATCH_SIZE);
        boolean ok = report(Section.BATCH_SIZE, b.error());
        if (ok) {
            commands.send(new Command.SetBatchSize(b.value()));
        }
        return ok;
    }

    /** Validates the data fields and regenerates the data (the model is reset). */
    public boolean applyDataset() {
        Parsed<Integer> n = Inputs.integer(get(Field.POINTS), "Number of points", FormLimits.MIN_POINTS,
                FormLimits.MAX_POINTS);
        Parsed<Double> noise = Inputs.number(get(Field.NOISE), "Noise", 0, FormLimits.MAX_NOISE, false);
        Parsed<Long> seed = Inputs.seed(get(Field.DATA_SEED));
        String energy = get(Field.ENERGY) == null ? "" : get(Field.ENERGY).trim();
        String energyError = "";
        if (!energy.isEmpty()) {
            try {
                Potential.of(energy);
            } catch (IllegalArgumentException e) {
                energyError = "Energy: " + e.getMessage();
            }
        }
        if (!report(Section.DATASET, firstError(n.error(), noise.error(), seed.error(), energyError, reverseKlConflict.get()))
                || dataset.get() == null) {
            return false;
        }
        commands.send(new Command.ChangeDataset(
                new DatasetSettings(dataset.get(), n.value(), noise.value(), seed.value()).withEnergy(energy)));
        training.pauseLocally();
        return true;
    }

    /** Validates the model fields and builds a new model (training restarts at step 0). */
    public boolean applyArchitecture() {
        Parsed<Integer> layers = Inputs.integer(get(Field.LAYERS), "Layers", 1, FormLimits.MAX_LAYERS);
        Parsed<int[]> hidden = Inputs.hidden(get(Field.HIDDEN), FormLimits.MAX_WIDTH);
        Parsed<ScaleFunction> scale = scale(get(Field.SCALE));
        Parsed<SplineShape> spline = Inputs.splineShape(coupling.get(), get(Field.BINS), get(Field.TAIL_BOUND));
        if (!report(Section.ARCHITECTURE, firstError(layers.error(), hidden.error(), scale.error(), spline.error(),
                reverseKlConflict.get())) || coupling.get() == null) {
            return false;
        }
        commands.send(new Command.ChangeArchitecture(new ArchitectureSettings(layers.value(), hidden.value(), coupling.get(),
                architectureSeed, scale.value(), norm.get(), mixer.get(), base.get(), spline.value())));
        training.pauseLocally();
        return true;
    }

    /** One click: the reference architecture, 8 affine layers with hidden 256,256. */
    public void useReferenceArchitecture() {
        showArchitecture(ArchitectureSettings.referenceDefault());
        applyArchitecture();
    }

    private void showArchitecture(ArchitectureSettings a) {
        set(Field.LAYERS, Integer.toString(a.layers()));
        set(Field.HIDDEN, a.hiddenText());
        coupling.set(a.coupling());
        set(Field.SCALE, a.scale().id());
        norm.set(a.norm());
        mixer.set(a.mixer());
        base.set(a.base());
        set(Field.BINS, Integer.toString(a.spline().bins()));
        set(Field.TAIL_BOUND, NumberText.format(a.spline().bound()));
    }

    /** "tanh", "tanh:B", "softplus" or "exp" (blank: the seed's tanh:2). */
    private static Parsed<ScaleFunction> scale(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.ok(ScaleFunction.DEFAULT);
        }
        try {
            return Parsed.ok(ScaleFunction.parse(text));
        } catch (IllegalArgumentException e) {
            return Parsed.fail("Scale: " + e.getMessage() + ".");
        }
    }

    /** A new set of model samples (n from the sample-count field); each press draws fresh z. */
    public boolean sample() {
        Parsed<Integer> n = Inputs.integer(get(Field.SAMPLE_COUNT), "Number of samples", 1, FormLimits.MAX_SAMPLES);
        boolean ok = report(Section.SAMPLES, n.error());
        if (ok) {
            commands.send(new Command.Sample(n.value(), sampleSeed++));
        }
        return ok;
    }

    public void clearSamples() {
        commands.send(new Command.Sample(0, 0));
    }

    /** Forgets the data and model errors (the fields were just filled with valid settings). */
    void clearSettingsErrors() {
        report(Section.DATASET, "");
        report(Section.ARCHITECTURE, "");
    }

    private static String firstError(String... errors) {
        for (String e : errors) {
            if (!e.isEmpty()) {
                return e;
            }
        }
        return "";
    }

}
