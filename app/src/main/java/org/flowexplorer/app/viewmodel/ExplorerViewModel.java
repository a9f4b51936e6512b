package org.flowexplorer.app.viewmodel;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowexplorer.app.draw.Brush;
import org.flowexplorer.app.draw.Sketch;
import org.flowexplorer.app.export.CsvExport;
import org.flowexplorer.app.io.DataImport;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.session.AppPreferences;
import org.flowexplorer.app.session.LastSettings;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.flow.Architecture;
import org.flowexplorer.model.flow.FlowTrace;
import org.flowexplorer.model.io.LoadedModel;
import org.flowexplorer.model.io.ModelFiles;
import org.flowexplorer.model.io.Session;
import org.flowexplorer.model.io.SessionFile;
import org.flowexplorer.model.teach.CouplingInspection;
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
 *
 * <p>File commands ({@link #saveSession}, {@link #openSession}, {@link #importPoints}, the exports …)
 * return at once: reading, parsing and writing happen on a background I/O thread (what needs the
 * live model is captured or swapped on the worker thread), and the outcome comes back on the FX
 * thread as {@link #statusMessage()} and, for a failure, one {@link #errorMessage()} that names the
 * file and the reason; a failed open leaves the current session untouched.
 */
public final class ExplorerViewModel {
    /** What a press in data space does: query the flow, spray points, or erase points. */
    public enum DrawMode {
        OFF, DRAW, ERASE
    }

    private final CommandSink sink;
    private final Executor io;
    private final Executor fx;
    private final AppPreferences preferences;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> errorMessage = new ReadOnlyObjectWrapper<>(this, "errorMessage");
    private final ReadOnlyObjectWrapper<FlowTrace> currentTrace = new ReadOnlyObjectWrapper<>(this, "currentTrace");
    private final ReadOnlyObjectWrapper<CouplingInspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ObjectProperty<CouplingInspection.Direction> inspectionDirection =
            new SimpleObjectProperty<>(this, "inspectionDirection", CouplingInspection.Direction.FORWARD);
    private final ReadOnlyIntegerWrapper inspectedLayer = new ReadOnlyIntegerWrapper(this, "inspectedLayer");
    private final ReadOnlyObjectWrapper<Preset.View> requestedView = new ReadOnlyObjectWrapper<>(this, "requestedView");
    private final ReadOnlyIntegerWrapper fileOperations = new ReadOnlyIntegerWrapper(this, "fileOperations");
    private String derivedStatus = "";
    // ---- draw mode (FX thread)
    private final ObjectProperty<DrawMode> drawMode = new SimpleObjectProperty<>(this, "drawMode", DrawMode.OFF);
    private final DoubleProperty brushSpread = new SimpleDoubleProperty(this, "brushSpread", Brush.DEFAULT.spread());
    private final ReadOnlyObjectWrapper<float[]> sketchPoints = new ReadOnlyObjectWrapper<>(this, "sketchPoints");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private Sketch sketch;
    private double[] lastBrush;
    private long brushSeed = 1;
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

    /** With a background I/O thread of its own, results via {@link Platform#runLater}, and no remembered files. */
    public ExplorerViewModel(CommandSink sink, Snapshot initial) {
        this(sink, initial, defaultIo(), Platform::runLater, null);
    }

    /**
     * @param io          runs file reading and writing (never the FX thread)
     * @param fx          runs results on the FX thread ({@code Runnable::run} in same-thread tests)
     * @param preferences remembered recent files, or null for an in-memory list
     */
    public ExplorerViewModel(CommandSink sink, Snapshot initial, Executor io, Executor fx, AppPreferences preferences) {
        this.sink = sink;
        this.io = io;
        this.fx = fx;
        this.preferences = preferences;
        if (preferences != null) {
            recentFiles.setAll(preferences.recentFiles().list());
        }
        inspectionDirection.addListener((o, was, now) -> sendInspection());
        drawMode.addListener((o, was, now) -> {
            Snapshot s = snapshot.get();
            if (was == DrawMode.OFF && now != DrawMode.OFF && sketch != null && s != null && s.view().points() != null
                    && s.view().points() != sketch.points()) {
                sketch = null; // the data changed since the last drawing: start from what is trained on now
            }
            if (now != DrawMode.OFF) {
                sketch();
            }
        });
        DatasetSettings d = initial.settings().dataset();
        dataset.set(d.set());
        pointsText.set(Integer.toString(d.n()));
        noiseText.set(trim(d.noise()));
        seedText.set(Long.toString(d.seed()));
        showArchitecture(initial.settings().architecture());
        learningRateText.set(trim(initial.settings().learningRate()));
        batchSizeText.set(Integer.toString(initial.settings().batchSize()));
        densityVisible.addListener((o, was, now) -> send(new Command.SetDensity(now)));
        layerPosition.addListener((o, was, now) -> {
            int l = (int) Math.min(Math.round(now.doubleValue()), layerCount.get());
            if (l != currentLayer.get()) {
                currentLayer.set(l);
                send(new Command.SetDisplayedLayer(l));
            }
            sendInspection();
            stepper.update(snapshot.get(), now.doubleValue());
        });
        accept(initial);
    }

    private static Executor defaultIo() {
        ExecutorService e = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flow-explorer-io");
            t.setDaemon(true);
            return t;
        });
        return e;
    }

    /** The coupling the stepper is on (0..L−1) and the toggle's direction, to the worker when they change. */
    private void sendInspection() {
        int l = (int) Math.max(0, Math.min(Math.floor(layerPosition.get()), layerCount.get() - 1));
        boolean changed = l != inspectedLayer.get() || sentDirection != inspectionDirection.get();
        if (changed) {
            inspectedLayer.set(l);
            sentDirection = inspectionDirection.get();
            send(new Command.SetInspection(l, sentDirection));
        }
    }

    private CouplingInspection.Direction sentDirection = CouplingInspection.Direction.FORWARD;

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
            playing.set(s.status().playing());
        }
        step.set(s.status().step());
        stepsPerSecond.set(s.status().stepsPerSecond());
        trainNll.set(s.status().trainNll());
        testNll.set(s.status().testNll());
        error.set(s.status().error());
        String derived;
        if (s.phase() == Snapshot.Phase.PREPARING) {
            derived = "Preparing model… (" + s.settings().architecture() + ")";
        } else if (!s.status().notice().isEmpty()) {
            derived = s.status().notice();
        } else {
            derived = "Ready: " + s.settings().architecture() + " on " + s.dataName() + ".";
        }
        if (!derived.equals(derivedStatus)) {
            // a file operation's message stays until the worker has something new to say
            derivedStatus = derived;
            status.set(derived);
        }
        if (layerCount.get() != s.layers()) {
            layerCount.set(s.layers());
            if (layerPosition.get() > s.layers()) {
                layerPosition.set(s.layers());
            }
            sendInspection();
        }
        if (s.view().trace() != null && s.view().trace().flowTrace() != currentTrace.get()) {
            currentTrace.set(s.view().trace().flowTrace());
        }
        if (s.inspector().inspection() != inspection.get()) {
            inspection.set(s.inspector().inspection());
        }
        if (before == null || before.runId() != s.runId()) {
            showArchitecture(s.settings().architecture());
            batchSizeText.set(Integer.toString(s.settings().batchSize()));
            if (!s.customData()) {
                DatasetSettings d = s.settings().dataset();
                dataset.set(d.set());
                pointsText.set(Integer.toString(d.n()));
                noiseText.set(trim(d.noise()));
                seedText.set(Long.toString(d.seed()));
            }
        }
        if (before == null || before.runId() != s.runId()) {
            // after a reset (e.g. architecture change elsewhere) show what is really trained
            learningRateText.set(trim(s.settings().learningRate()));
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
        long seed = snapshot.get() == null ? 0 : snapshot.get().settings().architecture().seed();
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

    // ================================================================= files (return at once; results on the FX thread)

    /** Saves model, data, settings and loss history as a session file. */
    public void saveSession(Path file) {
        Map<String, String> view = Map.of("density", densityVisible.get() ? "on" : "off",
                "layer", trim(layerPosition.get()));
        capture(view).thenAcceptAsync(session -> run(() -> SessionFile.save(file, session)), io)
                .whenComplete((v, e) -> done(e, file, "Session saved to " + file.getFileName() + ".", true));
    }

    /** Opens a session: read and validated completely on the I/O thread, then swapped in on the worker at once. */
    public void openSession(Path file) {
        beginFileOperation();
        CompletableFuture.supplyAsync(() -> call(() -> SessionFile.load(file)), io).thenCompose(session -> {
            checkTrainable(session.data().length / 2, session.settings().dataSource()
                    instanceof org.flowexplorer.model.io.DataSource.Custom);
            Command.LoadSession c = new Command.LoadSession(session, file.getFileName().toString());
            fx.execute(() -> send(c));
            return c.done().thenApply(v -> session);
        }).whenComplete((session, e) -> {
            fx.execute(() -> {
                if (e == null) {
                    Map<String, String> v = session.settings().view();
                    if (v.containsKey("density")) {
                        densityVisible.set("on".equals(v.get("density")));
                    }
                    learningRateText.set(trim(session.settings().training().learningRate()));
                }
            });
            done(e, file, "Opened session " + file.getFileName() + ".", true);
        });
        pauseLocally();
    }

    /** Opens a .zip or .npz model and explores it with the current data. */
    public void openModel(Path file) {
        beginFileOperation();
        CompletableFuture.supplyAsync(() -> call(() -> ModelFiles.load(file)), io).thenCompose(model -> {
            Command.LoadModel c = new Command.LoadModel(model, file.getFileName().toString());
            fx.execute(() -> send(c));
            return c.done();
        }).whenComplete((v, e) -> done(e, file, "Opened model " + file.getFileName() + " on the current data.", true));
        pauseLocally();
    }

    /** Writes the current model as .zip (with its metadata and loss history) or .npz (PyTorch state_dict). */
    public void exportModel(Path file) {
        capture(Map.of()).thenAcceptAsync(session -> run(() -> ModelFiles.save(file, session.model(),
                session.metadata().withLossHistory(session.history().snapshot()))), io)
                .whenComplete((v, e) -> done(e, file, "Model exported to " + file.getFileName() + ".", false));
    }

    /** Reads x,y points from a CSV file and trains on them (the model is reset); a bad file changes nothing. */
    public void importPoints(Path file) {
        beginFileOperation();
        CompletableFuture.supplyAsync(() -> call(() -> DataImport.importCsv(file)), io).thenAccept(imported -> {
            checkTrainable(imported.size(), true);
            Command c = new Command.SetCustomData(imported.points(), file.getFileName().toString());
            fx.execute(() -> {
                send(c);
                pauseLocally();
            });
        }).whenComplete((v, e) -> done(e, file, "Imported points from " + file.getFileName() + ".", false));
    }

    /** Drop of files on the window: exactly one .csv is imported, anything else explained. */
    public void importDrop(List<Path> files) {
        if (files.size() == 1 && DataImport.isImportable(files.get(0))) {
            importPoints(files.get(0));
        } else {
            showError(files.isEmpty() ? "Nothing was dropped." : "Drop one .csv file of x,y points ("
                    + files.size() + " file" + (files.size() == 1 ? " that is not a .csv" : "s") + " dropped).");
        }
    }

    /** The training points shown (all of them unless there are more than the display limit) as x,y CSV. */
    public void exportPoints(Path file) {
        Snapshot s = snapshot.get();
        write(file, s == null ? null : s.view().points(), "no points yet", xy -> CsvExport.writePoints(file, xy));
    }

    /** The current model samples as x,y CSV. */
    public void exportSamples(Path file) {
        Snapshot s = snapshot.get();
        write(file, s == null || s.view().samples() == null ? null : s.view().samples().data(), "no samples drawn (press Sample first)",
                xy -> CsvExport.writeSamples(file, xy));
    }

    /** The displayed points after every layer as CSV (l0_x, l0_y, …, lL_x, lL_y). */
    public void exportTrace(Path file) {
        write(file, currentTrace.get(), "no layer trace yet", t -> CsvExport.writeTrace(file, t));
    }

    /** The loss history as step,train_nll,test_nll CSV. */
    public void exportLossHistory(Path file) {
        Snapshot s = snapshot.get();
        write(file, s == null ? null : s.loss(), "no loss history yet", h -> CsvExport.writeLossHistory(file, h));
    }

    /** Applies a preset: data, architecture and training settings in one model reset, then its view. */
    public void applyPreset(Preset p) {
        Architecture a = p.architecture();
        ArchitectureSettings arch = new ArchitectureSettings(a.layers(), a.hidden(), a.coupling(), p.training().seed());
        DatasetSettings data = new DatasetSettings(p.dataset(), p.n(), p.noise(), p.dataSeed());
        send(new Command.Configure(data, arch, p.training().learningRate(), p.training().batchSize(),
                "Preset “" + p.name() + "”"));
        pauseLocally();
        dataset.set(p.dataset());
        pointsText.set(Integer.toString(p.n()));
        noiseText.set(trim(p.noise()));
        seedText.set(Long.toString(p.dataSeed()));
        showArchitecture(arch);
        learningRateText.set(trim(p.training().learningRate()));
        batchSizeText.set(Integer.toString(p.training().batchSize()));
        datasetError.set("");
        architectureError.set("");
        if (p.view() == Preset.View.DENSITY) {
            densityVisible.set(true);
        } else if (p.view() == Preset.View.SAMPLES) {
            sample();
        }
        requestedView.set(null);
        requestedView.set(p.view());
    }

    /** The controls' current settings, for remembering at exit. */
    public LastSettings lastSettings() {
        Snapshot s = snapshot.get();
        ArchitectureSettings a = s.settings().architecture();
        return new LastSettings(s.settings().dataset().set(), new Architecture(a.layers(), a.hidden(), a.coupling()),
                s.settings().learningRate(), s.settings().batchSize());
    }

    private CompletableFuture<Session> capture(Map<String, String> view) {
        beginFileOperation();
        Command.Capture c = new Command.Capture(view, new CompletableFuture<>());
        send(c);
        return c.result();
    }

    private <T> void write(Path file, T what, String missing, IoConsumer<T> writer) {
        if (what == null) {
            showError("Nothing to export to " + file.getFileName() + ": " + missing + ".");
            return;
        }
        beginFileOperation();
        CompletableFuture.runAsync(() -> run(() -> writer.accept(what)), io)
                .whenComplete((v, e) -> done(e, file, "Exported to " + file.getFileName() + ".", false));
    }

    private void checkTrainable(int points, boolean custom) {
        if (custom && points < TrainingWorker.MIN_CUSTOM_POINTS) {
            throw new IllegalArgumentException("it holds " + points + " point" + (points == 1 ? "" : "s")
                    + "; at least " + TrainingWorker.MIN_CUSTOM_POINTS + " are needed to train.");
        }
    }

    /** Reports the outcome on the FX thread: a status line, and for a failure one error message. */
    private void done(Throwable e, Path file, String success, boolean recent) {
        fx.execute(() -> {
            fileOperations.set(fileOperations.get() - 1);
            if (e == null) {
                status.set(success);
                if (recent) {
                    rememberRecent(file);
                }
                return;
            }
            Throwable cause = e;
            while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException
                    || cause instanceof java.io.UncheckedIOException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            String why = String.valueOf(cause.getMessage());
            String name = String.valueOf(file.getFileName());
            String msg = why.contains(name) ? why : name + ": " + why;
            if (recent && cause instanceof java.io.IOException && preferences != null && !java.nio.file.Files.exists(file)) {
                preferences.recentFiles().remove(file);
                recentFiles.setAll(preferences.recentFiles().list());
            }
            showError(msg);
        });
    }

    private void showError(String msg) {
        status.set(msg);
        errorMessage.set(null); // the same message twice is still news
        errorMessage.set(msg);
    }

    private void rememberRecent(Path file) {
        if (preferences != null) {
            preferences.recentFiles().add(file);
            recentFiles.setAll(preferences.recentFiles().list());
        } else {
            Path p = file.toAbsolutePath().normalize();
            recentFiles.remove(p);
            recentFiles.add(0, p);
        }
    }

    private void beginFileOperation() {
        fileOperations.set(fileOperations.get() + 1);
    }

    /** Forgets the last error (after the UI has shown it). */
    public void clearErrorMessage() {
        errorMessage.set(null);
    }

    @FunctionalInterface
    private interface IoConsumer<T> {
        void accept(T t) throws Exception;
    }

    @FunctionalInterface
    private interface IoRunnable {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws Exception;
    }

    private static void run(IoRunnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static <T> T call(IoSupplier<T> r) {
        try {
            return r.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    // ================================================================= draw mode

    /** Starts a stroke (draw: sprays a few points; erase: removes those under the eraser) as one undo step. */
    public void beginStroke(double x, double y) {
        if (drawMode.get() == DrawMode.OFF) {
            return;
        }
        Sketch sk = sketch();
        sk.beginEdit();
        lastBrush = new double[] {x, y};
        applyBrush(sk, x, y, true);
    }

    /** Continues the stroke to (x, y); the points show at once. */
    public void continueStroke(double x, double y) {
        if (drawMode.get() == DrawMode.OFF || lastBrush == null) {
            return;
        }
        applyBrush(sketch(), x, y, false);
        lastBrush = new double[] {x, y};
    }

    /** Ends the stroke and sends the drawn set to the worker as the new training data (the model is reset). */
    public void endStroke() {
        if (lastBrush == null) {
            return;
        }
        lastBrush = null;
        submitSketch();
    }

    public boolean undoSketch() {
        if (sketch == null || !sketch.undo()) {
            return false;
        }
        sketchChanged();
        submitSketch();
        return true;
    }

    public boolean redoSketch() {
        if (sketch == null || !sketch.redo()) {
            return false;
        }
        sketchChanged();
        submitSketch();
        return true;
    }

    /** Removes all points (undoable); training data change once you draw again. */
    public void clearSketch() {
        sketch().clear();
        sketchChanged();
        submitSketch();
    }

    private Sketch sketch() {
        if (sketch == null) {
            Snapshot s = snapshot.get();
            sketch = new Sketch(s == null || s.view().points() == null ? new float[0] : s.view().points());
            sketchChanged();
        }
        return sketch;
    }

    private void applyBrush(Sketch sk, double x, double y, boolean first) {
        Brush brush = Brush.DEFAULT.withSpread(Math.max(0, brushSpread.get()));
        if (drawMode.get() == DrawMode.DRAW) {
            sk.addWithinEdit(first ? brush.stroke(x, y, 6, brushSeed++)
                    : brush.drag(lastBrush[0], lastBrush[1], x, y, brushSeed++));
        } else {
            sk.eraseWithinEdit(x, y, eraserRadius());
        }
        sketchChanged();
    }

    /** The eraser's radius in data units (follows the spread slider). */
    public double eraserRadius() {
        return Math.max(0.1, 2.5 * brushSpread.get());
    }

    private void sketchChanged() {
        sketchPoints.set(sketch.points());
        canUndo.set(sketch.canUndo());
        canRedo.set(sketch.canRedo());
    }

    private void submitSketch() {
        float[] pts = sketch.points();
        if (pts.length / 2 < TrainingWorker.MIN_CUSTOM_POINTS) {
            status.set("Draw at least " + TrainingWorker.MIN_CUSTOM_POINTS + " points to train on (" + pts.length / 2
                    + " now); the training data are unchanged.");
            return;
        }
        send(new Command.SetCustomData(pts, null));
        pauseLocally();
    }

    // ================================================================= properties

    /** The status line: the worker's state, or the outcome of the last file operation. */
    public ReadOnlyStringProperty statusMessage() {
        return status.getReadOnlyProperty();
    }

    /** Set (non-null) after a failed file operation: one message naming the file and the reason. */
    public ReadOnlyObjectProperty<String> errorMessage() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Recently saved or opened sessions and models, most recent first. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** The displayed points' trace through every layer (for GIF and CSV export); null until computed. */
    public ReadOnlyObjectProperty<FlowTrace> currentTrace() {
        return currentTrace.getReadOnlyProperty();
    }

    /** The formula inspector's content for the query point, or null when there is none. */
    public ReadOnlyObjectProperty<CouplingInspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    /** Which way the inspector runs the layer; bind the inspector view's direction to it. */
    public ObjectProperty<CouplingInspection.Direction> inspectionDirectionProperty() {
        return inspectionDirection;
    }

    /** The coupling the inspector shows: the one the stepper is on, 0..L−1. */
    public ReadOnlyIntegerProperty inspectedLayerProperty() {
        return inspectedLayer.getReadOnlyProperty();
    }

    /** The view a preset asked to bring to the front (null until one did). */
    public ReadOnlyObjectProperty<Preset.View> requestedViewProperty() {
        return requestedView.getReadOnlyProperty();
    }

    /** File operations under way (for a busy indicator; tests wait for 0). */
    public ReadOnlyIntegerProperty fileOperationsProperty() {
        return fileOperations.getReadOnlyProperty();
    }

    public ObjectProperty<DrawMode> drawModeProperty() {
        return drawMode;
    }

    /** Standard deviation of the brush's spray, data units. */
    public DoubleProperty brushSpreadProperty() {
        return brushSpread;
    }

    /** The points being drawn (null before draw mode was first used); never modified in place. */
    public ReadOnlyObjectProperty<float[]> sketchPointsProperty() {
        return sketchPoints.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

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
