package org.flowexplorer.app.viewmodel;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.prefs.AppPreferences;
import org.flowexplorer.app.prefs.LastSettings;
import org.flowexplorer.app.worker.ArchitectureSettings;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.CommandSink;
import org.flowexplorer.app.worker.DatasetSettings;
import org.flowexplorer.app.worker.Snapshot;

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
    private final Executor fx;
    private final StatusLine status = new StatusLine();
    private final TrainingControlsViewModel training;
    private final SettingsFormViewModel form;
    private final PlotsViewModel plots;
    private final LayerViewModel layers;
    private final SketchViewModel sketch;
    private final FilesViewModel files;
    private final LogDetViewModel logDet;
    private final DiagnosticsViewModel diagnostics;
    private final LessonViewModel lesson;
    private final ReplayViewModel replay;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Preset.View> requestedView = new ReadOnlyObjectWrapper<>(this, "requestedView");

    /**
     * @param io          runs file reading and writing (never the FX thread; {@code Runnable::run} in tests)
     * @param fx          runs results on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests)
     * @param preferences remembered recent files, or null for an in-memory list
     */
    public ExplorerViewModel(CommandSink sink, Snapshot initial, Executor io, Executor fx, AppPreferences preferences) {
        commands = new CommandChannel(sink);
        this.fx = fx;
        training = new TrainingControlsViewModel(commands);
        form = new SettingsFormViewModel(commands, training);
        plots = new PlotsViewModel(commands);
        layers = new LayerViewModel(commands);
        diagnostics = new DiagnosticsViewModel(commands);
        logDet = new LogDetViewModel(commands);
        replay = new ReplayViewModel(commands);
        sketch = new SketchViewModel(commands, training, status, plots.dataPointsProperty()::get);
        files = new FilesViewModel(commands, io, fx, preferences, status, training, plots, layers);
        lesson = new LessonViewModel(commands, io, fx, status, training, form, plots, layers, snapshot.getReadOnlyProperty());
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
        sketch.accept(d); // after plots: a stale drawing starts again from the new points
        logDet.accept(d);
        diagnostics.accept(d);
        replay.accept(d);
        files.unsaved().accept(s);
        snapshot.set(s); // last: a listener to it sees every part up to date
    }

    /** Applies a preset: data, architecture and training settings in one model reset, then its view. */
    public void applyPreset(Preset p) {
        ArchitectureSettings arch = ArchitectureSettings.of(p.architecture(), p.training().seed());
        DatasetSettings data = new DatasetSettings(p.dataset(), p.n(), p.noise(), p.dataSeed()).withEnergy(p.energy());
        commands.send(new Command.Configure(data, arch, p.training().learningRate(), p.training().batchSize(),
                "Preset “" + p.name() + "”"));
        if (p.image() != null) {
            // the shipped picture's points replace the toy set's, as File › Open image as density does
            org.flowexplorer.model.data.PixelDensity image = p.image().density();
            commands.send(new Command.SetCustomData(image.sample(p.n(), p.dataSeed()), p.image().origin(), image));
        }
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

    /**
     * The worker's training points (all of them, a copy taken by the worker), completed on the FX
     * thread: what compare mode hands side B when side A trains on drawn or imported points.
     */
    public java.util.concurrent.CompletableFuture<float[]> trainingPoints() {
        Command.Capture c = new Command.Capture(java.util.Map.of(), new java.util.concurrent.CompletableFuture<>());
        commands.send(c);
        return c.result().thenApplyAsync(org.flowexplorer.model.io.Session::data, fx);
    }

    /** Trains on {@code points} from now on, as if drawn ({@code origin} null) or imported from {@code origin}. */
    public void trainOn(float[] points, String origin) {
        commands.send(new Command.SetCustomData(points, origin));
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

    /** The lesson under way, its steps, and "Save as lesson". */
    public LessonViewModel lesson() {
        return lesson;
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

    /** The "Log-det & Jacobian" tab: log-det maps, Jacobian glyphs, the query point's waterfall. */
    public LogDetViewModel logDet() {
        return logDet;
    }

    /** The conditioner curves and numerical health of the "Conditioners & health" tab. */
    public DiagnosticsViewModel diagnostics() {
        return diagnostics;
    }

    /** The replay timeline: the worker's checkpoints and which one every view shows. */
    public ReplayViewModel replay() {
        return replay;
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
     * parts); it is here for the composition root and tests.
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
}
