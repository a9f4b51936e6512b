package org.flowexplorer.app.viewmodel;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.session.AppPreferences;
import org.flowexplorer.app.session.LastSettings;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.CommandSink;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.Snapshot;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.FlowTrace;

/**
 * The explorer's view models behind one door. Lives on the FX thread: {@link #accept(Snapshot)}
 * hands each new worker snapshot, as a {@link SnapshotDiff} against the one before, to the parts;
 * the parts send immutable {@link Command}s to the worker through one {@link CommandChannel}.
 *
 * <ul>
 *   <li>{@link #training()}: play, pause, step, reset and the training figures;</li>
 *   <li>{@link #form()}: the settings fields, their validation and {@code apply…};</li>
 *   <li>{@link #files()}: sessions, models, imports and exports, on the I/O executor;</li>
 *   <li>{@link #sketch()}: draw mode;</li>
 *   <li>{@link #layers()}: the stepper position, the inspected coupling, the stepper's picture;</li>
 *   <li>{@link #plots()}: what the data, latent, mask and loss views draw, and the query.</li>
 * </ul>
 */
public final class ExplorerViewModel {
    private final CommandChannel commands;
    private final StatusLine status = new StatusLine();
    private final TrainingControlsViewModel training;
    private final SettingsFormViewModel form;
    private final PlotsViewModel plots;
    private final LayerViewModel layers;
    private final SketchViewModel sketch;
    private final FilesViewModel files;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Preset.View> requestedView = new ReadOnlyObjectWrapper<>(this, "requestedView");

    /**
     * @param io          runs file reading and writing (never the FX thread; {@code Runnable::run} in tests)
     * @param fx          runs results on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param preferences remembered recent files, or null for an in-memory list
     */
    public ExplorerViewModel(CommandSink sink, Snapshot initial, Executor io, Executor fx, AppPreferences preferences) {
        commands = new CommandChannel(sink);
        training = new TrainingControlsViewModel(commands);
        form = new SettingsFormViewModel(commands, training);
        plots = new PlotsViewModel(commands);
        layers = new LayerViewModel(commands);
        sketch = new SketchViewModel(commands, training, status, plots.dataPointsProperty()::get);
        files = new FilesViewModel(commands, io, fx, preferences, status, training, plots, layers);
        accept(initial);
    }

    /** Hands a new worker snapshot to every part (FX thread). */
    public void accept(Snapshot s) {
        SnapshotDiff d = SnapshotDiff.between(snapshot.get(), s);
        training.accept(d);
        status.fromWorker(d.statusLine());
        layers.accept(d);
        form.accept(d);
        plots.accept(d);
        snapshot.set(s); // last: a listener to it sees every part up to date
    }

    /** Applies a preset: data, architecture and training settings in one model reset, then its view. */
    public void applyPreset(Preset p) {
        Architecture a = p.architecture();
        ArchitectureSettings arch = new ArchitectureSettings(a.layers(), a.hidden(), a.coupling(), p.training().seed());
        DatasetSettings data = new DatasetSettings(p.dataset(), p.n(), p.noise(), p.dataSeed());
        commands.send(new Command.Configure(data, arch, p.training().learningRate(), p.training().batchSize(),
                "Preset “" + p.name() + "”"));
        training.pauseLocally();
        form.show(data, arch, p.training().learningRate(), p.training().batchSize());
        form.clearSettingsErrors();
        if (p.view() == Preset.View.DENSITY) {
            plots.densityVisibleProperty().set(true);
        } else if (p.view() == Preset.View.SAMPLES) {
            form.sample();
        }
        requestedView.set(null);
        requestedView.set(p.view());
    }

    public TrainingControlsViewModel training() {
        return training;
    }

    public SettingsFormViewModel form() {
        return form;
    }

    public FilesViewModel files() {
        return files;
    }

    public SketchViewModel sketch() {
        return sketch;
    }

    public LayerViewModel layers() {
        return layers;
    }

    public PlotsViewModel plots() {
        return plots;
    }

    /** The status bar's line (the worker's state, or the outcome of the last file operation) and failures. */
    public StatusLine status() {
        return status;
    }

    /** The view a preset asked to bring to the front (null until one did). */
    public ReadOnlyObjectProperty<Preset.View> requestedViewProperty() {
        return requestedView.getReadOnlyProperty();
    }

    /**
     * The last snapshot accepted, as the worker published it. No pane reads it (they bind to the
     * parts); MainWindow's timings can use {@code plots().timingsProperty()} instead.
     */
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot getSnapshot() {
        return snapshot.get();
    }

    /** The settings trained with now, for remembering at exit. */
    public LastSettings lastSettings() {
        return form.lastSettings();
    }

    // ---------------------------------------------------------------- delegates for MainWindow, AppActions,
    // AppMenuBar, AppToolBar and FlowExplorerApp, which call the facade; new code calls the parts above.
    // @formatter:off
    public ReadOnlyStringProperty statusMessage() { return status.messageProperty(); }
    public ReadOnlyObjectProperty<String> errorMessage() { return status.failureProperty(); }
    public void clearErrorMessage() { status.clearFailure(); }
    public ReadOnlyBooleanProperty readyProperty() { return training.readyProperty(); }
    public ReadOnlyBooleanProperty playingProperty() { return training.playingProperty(); }
    public void play() { training.play(); }
    public void togglePlay() { training.togglePlay(); }
    public void stepOnce() { training.stepOnce(); }
    public ReadOnlyStringProperty errorProperty() { return training.errorProperty(); }
    public boolean sample() { return form.sample(); }
    public ObservableList<Path> recentFiles() { return files.recentFiles(); }
    public ReadOnlyIntegerProperty fileOperationsProperty() { return files.fileOperationsProperty(); }
    public void openSession(Path file) { files.openSession(file); }
    public void saveSession(Path file) { files.saveSession(file); }
    public void openModel(Path file) { files.openModel(file); }
    public void exportModel(Path file) { files.exportModel(file); }
    public void importPoints(Path file) { files.importPoints(file); }
    public void exportPoints(Path file) { files.exportPoints(file); }
    public void exportSamples(Path file) { files.exportSamples(file); }
    public void exportTrace(Path file) { files.exportTrace(file); }
    public void exportLossHistory(Path file) { files.exportLossHistory(file); }
    public ReadOnlyObjectProperty<FlowTrace> currentTrace() { return layers.currentTraceProperty(); }
    public DoubleProperty layerPositionProperty() { return layers.layerPositionProperty(); }
    public BooleanProperty densityVisibleProperty() { return plots.densityVisibleProperty(); }
    public void queryLatent(double x, double y) { plots.queryLatent(x, y); }
    public ObjectProperty<DrawMode> drawModeProperty() { return sketch.drawModeProperty(); }
    public void beginStroke(double x, double y) { sketch.beginStroke(x, y); }
    public void continueStroke(double x, double y) { sketch.continueStroke(x, y); }
    public void endStroke() { sketch.endStroke(); }
    public ObjectProperty<ToyDataset> datasetProperty() { return form.datasetProperty(); }
    public ObjectProperty<CouplingType> couplingProperty() { return form.couplingProperty(); }
    public StringProperty pointsTextProperty() { return form.text(Field.POINTS); }
    public StringProperty noiseTextProperty() { return form.text(Field.NOISE); }
    public StringProperty seedTextProperty() { return form.text(Field.DATA_SEED); }
    public StringProperty layersTextProperty() { return form.text(Field.LAYERS); }
    public StringProperty hiddenTextProperty() { return form.text(Field.HIDDEN); }
    public StringProperty learningRateTextProperty() { return form.text(Field.LEARNING_RATE); }
    public StringProperty batchSizeTextProperty() { return form.text(Field.BATCH_SIZE); }
    // @formatter:on
}
