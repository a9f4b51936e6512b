package org.flowexplorer.app.viewmodel;

import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.CommandSink;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;

/**
 * Observable state of the explorer and the commands the controls invoke. Lives on the FX thread:
 * {@link #accept(Snapshot)} copies a worker snapshot into properties; command methods validate
 * text input (errors go to the matching {@code …Error} property, never an exception) and send
 * immutable {@link Command}s to the worker.
 */
public final class ExplorerViewModel {
    private final CommandSink sink;
    private long commandsSent;
    private long playCommandAt = -1;

    // ---- from snapshots
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyLongWrapper step = new ReadOnlyLongWrapper(this, "step");
    private final ReadOnlyDoubleWrapper stepsPerSecond = new ReadOnlyDoubleWrapper(this, "stepsPerSecond");
    private final ReadOnlyDoubleWrapper trainNll = new ReadOnlyDoubleWrapper(this, "trainNll", Double.NaN);
    private final ReadOnlyDoubleWrapper testNll = new ReadOnlyDoubleWrapper(this, "testNll", Double.NaN);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Preparing model…");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyIntegerWrapper layerCount = new ReadOnlyIntegerWrapper(this, "layerCount", 1);

    // ---- form fields (text, bound to controls) and their errors
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

    // ---- view options
    private final BooleanProperty densityVisible = new SimpleBooleanProperty(this, "densityVisible");
    private final DoubleProperty layerPosition = new SimpleDoubleProperty(this, "layerPosition");
    private final ReadOnlyIntegerWrapper currentLayer = new ReadOnlyIntegerWrapper(this, "currentLayer");
    private final StepperFrame stepper = new StepperFrame();
    private long sampleSeed = 1;

    public ExplorerViewModel(CommandSink sink, Snapshot initial) {
        this.sink = sink;
        DatasetSettings d = initial.dataset();
        dataset.set(d.set());
        pointsText.set(Integer.toString(d.n()));
        noiseText.set(trim(d.noise()));
        seedText.set(Long.toString(d.seed()));
        showArchitecture(initial.architecture());
        learningRateText.set(trim(initial.learningRate()));
        batchSizeText.set(Integer.toString(initial.batchSize()));
        densityVisible.addListener((o, was, now) -> send(new Command.SetDensity(now)));
        layerPosition.addListener((o, was, now) -> {
            int l = (int) Math.min(Math.round(now.doubleValue()), layerCount.get());
            if (l != currentLayer.get()) {
                currentLayer.set(l);
                send(new Command.SetDisplayedLayer(l));
            }
            stepper.update(snapshot.get(), now.doubleValue());
        });
        accept(initial);
    }

    private void showArchitecture(ArchitectureSettings a) {
        layersText.set(Integer.toString(a.layers()));
        hiddenText.set(a.hiddenText());
        coupling.set(a.coupling());
    }

    private void send(Command c) {
        commandsSent++;
        sink.submit(c);
    }

    // ================================================================= snapshots

    /** Copies a snapshot into the properties (FX thread). */
    public void accept(Snapshot s) {
        Snapshot before = snapshot.get();
        snapshot.set(s);
        ready.set(s.phase() == Snapshot.Phase.READY);
        // the worker may not have seen our last play/pause yet: keep the requested state until it has
        if (s.commandsHandled() >= playCommandAt) {
            playing.set(s.playing());
        }
        step.set(s.step());
        stepsPerSecond.set(s.stepsPerSecond());
        trainNll.set(s.trainNll());
        testNll.set(s.testNll());
        error.set(s.error());
        if (s.phase() == Snapshot.Phase.PREPARING) {
            status.set("Preparing model… (" + s.architecture() + ")");
        } else if (!s.notice().isEmpty()) {
            status.set(s.notice());
        } else {
            status.set("Ready: " + s.architecture() + " on " + s.dataName() + ".");
        }
        if (layerCount.get() != s.layers()) {
            layerCount.set(s.layers());
            if (layerPosition.get() > s.layers()) {
                layerPosition.set(s.layers());
            }
        }
        if (before == null || before.runId() != s.runId()) {
            // after a reset (e.g. architecture change elsewhere) show what is really trained
            learningRateText.set(trim(s.learningRate()));
        }
        stepper.update(s, layerPosition.get());
    }

    // ================================================================= commands

    public void play() {
        if (!ready.get()) {
            return;
        }
        send(new Command.Play());
        playCommandAt = commandsSent;
        playing.set(true);
    }

    public void pause() {
        send(new Command.Pause());
        playCommandAt = commandsSent;
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void stepOnce() {
        if (!ready.get()) {
            return;
        }
        send(new Command.Step(1));
        playCommandAt = commandsSent;
        playing.set(false);
    }

    public void reset() {
        send(new Command.Reset());
        playCommandAt = commandsSent;
        playing.set(false);
    }

    /** Validates the learning-rate text and sends it; applies from the next step. */
    public boolean applyLearningRate() {
        Parsed<Double> lr = Inputs.number(learningRateText.get(), "Learning rate", 0, 1, true);
        learningRateError.set(lr.error());
        if (lr.isOk()) {
            send(new Command.SetLearningRate(lr.value()));
        }
        return lr.isOk();
    }

    /** Validates the batch-size text and sends it; applies from the next step. */
    public boolean applyBatchSize() {
        Parsed<Integer> b = Inputs.integer(batchSizeText.get(), "Batch size", 1, 100_000);
        batchSizeError.set(b.error());
        if (b.isOk()) {
            send(new Command.SetBatchSize(b.value()));
        }
        return b.isOk();
    }

    /** Validates the data fields and regenerates the data (the model is reset). */
    public boolean applyDataset() {
        Parsed<Integer> n = Inputs.integer(pointsText.get(), "Number of points", 16, DatasetSettings.MAX_POINTS);
        Parsed<Double> noise = Inputs.number(noiseText.get(), "Noise", 0, 10, false);
        Parsed<Long> seed = Inputs.seed(seedText.get());
        String err = firstError(n.error(), noise.error(), seed.error());
        datasetError.set(err);
        if (!err.isEmpty() || dataset.get() == null) {
            return false;
        }
        send(new Command.ChangeDataset(new DatasetSettings(dataset.get(), n.value(), noise.value(), seed.value())));
        pauseLocally();
        return true;
    }

    /** Validates the model fields and builds a new model (training restarts at step 0). */
    public boolean applyArchitecture() {
        Parsed<Integer> layers = Inputs.integer(layersText.get(), "Layers", 1, ArchitectureSettings.MAX_LAYERS);
        Parsed<int[]> hidden = Inputs.hidden(hiddenText.get(), ArchitectureSettings.MAX_WIDTH);
        String err = firstError(layers.error(), hidden.error());
        architectureError.set(err);
        if (!err.isEmpty() || coupling.get() == null) {
            return false;
        }
        long seed = snapshot.get() == null ? 0 : snapshot.get().architecture().seed();
        send(new Command.ChangeArchitecture(new ArchitectureSettings(layers.value(), hidden.value(), coupling.get(), seed)));
        pauseLocally();
        return true;
    }

    /** One click: the reference architecture, 8 affine layers with hidden 256,256. */
    public void useReferenceArchitecture() {
        showArchitecture(ArchitectureSettings.referenceDefault());
        applyArchitecture();
    }

    /** A new set of model samples (n from the sample-count field); each press draws fresh z. */
    public boolean sample() {
        Parsed<Integer> n = Inputs.integer(sampleCountText.get(), "Number of samples", 1, 20_000);
        sampleError.set(n.error());
        if (n.isOk()) {
            send(new Command.Sample(n.value(), sampleSeed++));
        }
        return n.isOk();
    }

    public void clearSamples() {
        send(new Command.Sample(0, 0));
    }

    /** Query point in data space: the worker pushes it forward through every layer. */
    public void queryData(double x, double y) {
        send(new Command.Query(Command.Space.DATA, x, y));
    }

    /** Query point in latent space: the worker pulls it back through every layer. */
    public void queryLatent(double x, double y) {
        send(new Command.Query(Command.Space.LATENT, x, y));
    }

    public void clearQuery() {
        send(new Command.ClearQuery());
    }

    private void pauseLocally() {
        playCommandAt = commandsSent;
        playing.set(false);
    }

    private static String firstError(String... errors) {
        for (String e : errors) {
            if (!e.isEmpty()) {
                return e;
            }
        }
        return "";
    }

    static String trim(double v) {
        String s = Double.toString(v);
        if (v != 0 && (Math.abs(v) <= 1e-3 || Math.abs(v) >= 1e6)) {
            s = String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-");
            if (Double.parseDouble(s) != v) {
                s = Double.toString(v);
            }
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    // ================================================================= properties

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot getSnapshot() {
        return snapshot.get();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty stepsPerSecondProperty() {
        return stepsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty trainNllProperty() {
        return trainNll.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty testNllProperty() {
        return testNll.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty layerCountProperty() {
        return layerCount.getReadOnlyProperty();
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

    public BooleanProperty densityVisibleProperty() {
        return densityVisible;
    }

    /** Continuous stepper position in [0, L]; bind the scrubber's position to it. */
    public DoubleProperty layerPositionProperty() {
        return layerPosition;
    }

    /** The rounded stepper position: 0 = data … L = latent. */
    public ReadOnlyIntegerProperty currentLayerProperty() {
        return currentLayer.getReadOnlyProperty();
    }

    /** What the layer stepper shows for the current snapshot and position. */
    public StepperFrame stepper() {
        return stepper;
    }

    /** Model sample seed counter (tests). */
    long nextSampleSeed() {
        return sampleSeed;
    }
}
