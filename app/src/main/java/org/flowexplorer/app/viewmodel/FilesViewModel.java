package org.flowexplorer.app.viewmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.flowexplorer.app.io.CsvExport;
import org.flowexplorer.app.io.DataImport;
import org.flowexplorer.app.io.ImageDensityImport;
import org.flowexplorer.app.io.Failures;
import org.flowexplorer.app.prefs.AppPreferences;
import org.flowexplorer.app.worker.Command;
import org.flowexplorer.app.worker.TrainingWorker;
import org.flowexplorer.model.fs.IOConsumer;
import org.flowexplorer.model.io.DataSource;
import org.flowexplorer.model.io.ModelFiles;
import org.flowexplorer.model.io.Session;
import org.flowexplorer.model.io.SessionFile;
import org.flowexplorer.model.io.TorchScript;

/**
 * Sessions, models, imported points and CSV exports. Each command returns at once: reading,
 * parsing and writing run on the I/O executor (what needs the live model is captured or swapped on
 * the worker thread), and the outcome comes back on the FX executor as the status line and, for a
 * failure, one message that names the file and the reason; a failed open leaves the current
 * session untouched.
 */
public final class FilesViewModel {
    private final CommandChannel commands;
    private final Executor io;
    private final Executor fx;
    private final AppPreferences preferences;
    private final StatusLine status;
    private final TrainingControlsViewModel training;
    private final PlotsViewModel plots;
    private final LayerViewModel layers;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final UnsavedModel unsaved = new UnsavedModel();
    private final ReadOnlyIntegerWrapper fileOperations = new ReadOnlyIntegerWrapper(this, "fileOperations");
    private final javafx.beans.property.BooleanProperty saveCheckpoints =
            new javafx.beans.property.SimpleBooleanProperty(this, "saveCheckpoints");

    /**
     * @param io          runs file reading and writing (never the FX thread; {@code Runnable::run} in tests)
     * @param fx          runs results on the FX thread ({@code Runnable::run} in same-thread tests)
     * @param preferences remembered recent files, or null for an in-memory list
     */
    public FilesViewModel(CommandChannel commands, Executor io, Executor fx, AppPreferences preferences,
            StatusLine status, TrainingControlsViewModel training, PlotsViewModel plots, LayerViewModel layers) {
        this.commands = commands;
        this.io = io;
        this.fx = fx;
        this.preferences = preferences;
        this.status = status;
        this.training = training;
        this.plots = plots;
        this.layers = layers;
        if (preferences != null) {
            recentFiles.setAll(preferences.recentFiles().list());
        }
    }

    /**
     * Saves model, data, settings, loss history and the view options as a session file, with the
     * replay checkpoints when {@link #saveCheckpointsProperty()} is on.
     *
     * @return completes on the FX thread once the file is written (exceptionally when it was not)
     */
    public CompletableFuture<Void> saveSession(Path file) {
        CompletableFuture<Void> saved = savedFuture();
        Map<String, String> view = Map.of("density", plots.densityVisibleProperty().get() ? "on" : "off",
                "layer", NumberText.format(layers.layerPositionProperty().get()));
        CompletableFuture<Session> session = capture(view);
        if (saveCheckpoints.get()) {
            var cps = new CompletableFuture<java.util.List<org.flowexplorer.model.train.Checkpoint>>();
            commands.send(new Command.CaptureCheckpoints(cps));
            session.thenCombineAsync(cps, (s, c) -> {
                write(s, x -> org.flowexplorer.model.io.CheckpointFile.saveSession(file, x, c));
                return c.size();
            }, io).whenComplete((n, e) -> done(e, file, "Session saved to " + file.getFileName() + " with " + n
                    + " checkpoints.", true)).whenComplete((n, e) -> settle(saved, e));
            return saved;
        }
        session.thenAcceptAsync(s -> write(s, x -> SessionFile.save(file, x)), io)
                .whenComplete((v, e) -> done(e, file, "Session saved to " + file.getFileName() + ".", true))
                .whenComplete((v, e) -> settle(saved, e));
        return saved;
    }

    /** What {@link UnsavedModel#mustAsk} decides from: whether the model has trained steps that are in no file. */
    public UnsavedModel unsaved() {
        return unsaved;
    }

    /** A future that, on success, records the model as it is now (this step) as saved. */
    private CompletableFuture<Void> savedFuture() {
        long at = unsaved.steps();
        CompletableFuture<Void> saved = new CompletableFuture<>();
        saved.thenRun(() -> unsaved.savedAt(at));
        return saved;
    }

    /** Completes {@code f} on the FX thread (after {@link #done}'s message). */
    private void settle(CompletableFuture<Void> f, Throwable e) {
        fx.execute(() -> {
            if (e == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(e);
            }
        });
    }

    /** Whether a drop of {@code files} would import points (and so replace the model). */
    public static boolean dropImports(List<Path> files) {
        return DataImport.acceptsDrop(files);
    }

    /** Whether saved sessions keep the replay checkpoints (off: smaller files, as before). */
    public javafx.beans.property.BooleanProperty saveCheckpointsProperty() {
        return saveCheckpoints;
    }

    /** Opens a session: read and validated completely on the I/O thread, then swapped in on the worker at once. */
    public void openSession(Path file) {
        begin();
        var checkpoints = new java.util.concurrent.atomic.AtomicReference<java.util.List<org.flowexplorer.model.train.Checkpoint>>();
        CompletableFuture.supplyAsync(() -> read(() -> {
            Session s = SessionFile.load(file);
            checkpoints.set(org.flowexplorer.model.io.CheckpointFile.load(file).checkpoints()); // none in older files
            return s;
        }), io).thenCompose(session -> {
            checkTrainable(session.data().length / 2, session.settings().dataSource() instanceof DataSource.Custom);
            Command.LoadSession c = new Command.LoadSession(session, file.getFileName().toString());
            fx.execute(() -> {
                unsaved.opening();
                commands.send(c);
                if (!checkpoints.get().isEmpty()) {
                    commands.send(new Command.RestoreCheckpoints(checkpoints.get()));
                }
            });
            return c.done().thenApply(v -> session);
        }).whenComplete((session, e) -> {
            fx.execute(() -> {
                if (e == null) {
                    restoreView(session.settings().view());
                } else {
                    unsaved.openFailed();
                }
            });
            done(e, file, "Opened session " + file.getFileName() + ".", true);
        });
        training.pauseLocally();
    }

    private void restoreView(Map<String, String> view) {
        if (view.containsKey("density")) {
            plots.densityVisibleProperty().set("on".equals(view.get("density")));
        }
    }

    /** Opens a .zip or .npz model and explores it with the current data. */
    public void openModel(Path file) {
        begin();
        CompletableFuture.supplyAsync(() -> read(() -> ModelFiles.load(file)), io).thenCompose(model -> {
            Command.LoadModel c = new Command.LoadModel(model, file.getFileName().toString());
            fx.execute(() -> {
                unsaved.opening();
                commands.send(c);
            });
            return c.done();
        }).whenComplete((v, e) -> {
            if (e != null) {
                fx.execute(unsaved::openFailed);
            }
            done(e, file, "Opened model " + file.getFileName() + " on the current data.", true);
        });
        training.pauseLocally();
    }

    /** Writes the current model as .zip (with its metadata and loss history) or .npz (PyTorch state_dict). */
    public void exportModel(Path file) {
        CompletableFuture<Void> saved = savedFuture();
        capture(Map.of()).thenAcceptAsync(session -> write(session, s -> ModelFiles.save(file, s.model(),
                s.metadata().withLossHistory(s.history().snapshot()))), io)
                .whenComplete((v, e) -> done(e, file, "Model exported to " + file.getFileName() + ".", false))
                .whenComplete((v, e) -> settle(saved, e));
    }

    /** Writes the current model as a self-contained PyTorch script (see {@link TorchScript}); a block it cannot express is one message. */
    public void exportTorchScript(Path file) {
        capture(Map.of()).thenAcceptAsync(session -> write(session, s -> TorchScript.write(file, s.model())), io)
                .whenComplete((v, e) -> done(e, file, "PyTorch script written to " + file.getFileName()
                        + " (run: python3 " + file.getFileName() + " --check points.csv).", false));
    }

    /** Reads x,y points from a CSV file and trains on them (the model is reset); a bad file changes nothing. */
    public void importPoints(Path file) {
        begin();
        CompletableFuture.supplyAsync(() -> read(() -> DataImport.importCsv(file)), io).thenAccept(imported -> {
            checkTrainable(imported.size(), true);
            Command c = new Command.SetCustomData(imported.points(), file.getFileName().toString());
            fx.execute(() -> {
                commands.send(c);
                training.pauseLocally();
            });
        }).whenComplete((v, e) -> done(e, file, "Imported points from " + file.getFileName() + ".", false));
    }

    /** Points drawn from an image opened as a density ({@link ImageDensityImport}). */
    public static final int IMAGE_POINTS = 4000;

    /**
     * Opens a PNG/JPEG as a density on [−4, 4]² (bright = dense, or dark = dense with {@code invert}),
     * samples {@value #IMAGE_POINTS} points from it (seed 0) on the file executor and trains on them
     * (the model is reset); a bad file changes nothing.
     */
    public void openImageDensity(Path file, boolean invert) {
        begin();
        CompletableFuture.supplyAsync(() -> read(() -> ImageDensityImport.read(file, invert,
                ImageDensityImport.DEFAULT_HALF_WIDTH)), io).thenAccept(density -> {
            // the density goes with its points: its exact entropy is the loss chart's floor
            Command c = new Command.SetCustomData(density.sample(IMAGE_POINTS, 0), "image " + file.getFileName(), density);
            fx.execute(() -> {
                commands.send(c);
                training.pauseLocally();
            });
        }).whenComplete((v, e) -> done(e, file, "Sampled " + IMAGE_POINTS + " points from " + file.getFileName()
                + (invert ? " (dark = dense)." : " (bright = dense)."), false));
    }

    /** Drop of files on the window: exactly one .csv is imported, anything else explained. */
    public void importDrop(List<Path> files) {
        if (files.size() == 1 && DataImport.isImportable(files.get(0))) {
            importPoints(files.get(0));
        } else {
            status.error(files.isEmpty() ? "Nothing was dropped." : "Drop one .csv file of x,y points ("
                    + files.size() + " file" + (files.size() == 1 ? " that is not a .csv" : "s") + " dropped).");
        }
    }

    /** The training points shown (all of them unless there are more than the display limit) as x,y CSV. */
    public void exportPoints(Path file) {
        export(file, plots.dataPointsProperty().get(), "no points yet", xy -> CsvExport.writePoints(file, xy));
    }

    /** The current model samples as x,y CSV. */
    public void exportSamples(Path file) {
        ModelSamples samples = plots.samplesProperty().get();
        export(file, samples == null ? null : samples.data(), "no samples drawn (press Sample first)",
                xy -> CsvExport.writeSamples(file, xy));
    }

    /** The displayed points after every layer as CSV (l0_x, l0_y, …, lL_x, lL_y). */
    public void exportTrace(Path file) {
        export(file, layers.currentTraceProperty().get(), "no layer trace yet", t -> CsvExport.writeTrace(file, t));
    }

    /** The loss history as step,train_nll,test_nll CSV. */
    public void exportLossHistory(Path file) {
        export(file, plots.lossProperty().get(), "no loss history yet", h -> CsvExport.writeLossHistory(file, h));
    }

    private <T> void export(Path file, T what, String missing, IOConsumer<T> writer) {
        if (what == null) {
            status.error("Nothing to export to " + file.getFileName() + ": " + missing + ".");
            return;
        }
        begin();
        CompletableFuture.runAsync(() -> write(what, writer), io)
                .whenComplete((v, e) -> done(e, file, "Exported to " + file.getFileName() + ".", false));
    }

    private CompletableFuture<Session> capture(Map<String, String> view) {
        begin();
        Command.Capture c = new Command.Capture(view, new CompletableFuture<>());
        commands.send(c);
        return c.result();
    }

    private static <T> void write(T content, IOConsumer<T> writer) {
        try {
            writer.accept(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(Callable<T> reader) {
        try {
            return reader.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static void checkTrainable(int points, boolean custom) {
        if (custom && points < TrainingWorker.MIN_CUSTOM_POINTS) {
            throw new IllegalArgumentException("it holds " + points + " point" + (points == 1 ? "" : "s")
                    + "; at least " + TrainingWorker.MIN_CUSTOM_POINTS + " are needed to train.");
        }
    }

    private void begin() {
        fileOperations.set(fileOperations.get() + 1);
    }

    /** Reports the outcome on the FX thread: a status line, and for a failure one error message. */
    private void done(Throwable e, Path file, String success, boolean recent) {
        fx.execute(() -> {
            fileOperations.set(fileOperations.get() - 1);
            if (e == null) {
                status.info(success);
                if (recent) {
                    rememberRecent(file);
                }
                return;
            }
            Throwable cause = Failures.unwrap(e);
            if (recent && cause instanceof IOException && preferences != null && !Files.exists(file)) {
                preferences.recentFiles().remove(file);
                recentFiles.setAll(preferences.recentFiles().list());
            }
            status.error(Failures.describe(cause, file));
        });
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

    /** Recently saved or opened sessions and models, most recent first. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** File operations under way (for a busy indicator; tests wait for 0). */
    public ReadOnlyIntegerProperty fileOperationsProperty() {
        return fileOperations.getReadOnlyProperty();
    }
}
