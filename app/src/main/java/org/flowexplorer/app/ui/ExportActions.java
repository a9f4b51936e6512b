package org.flowexplorer.app.ui;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.flowexplorer.app.export.AnimationExport;
import org.flowexplorer.app.export.AnimationFrames;
import org.flowexplorer.app.export.LayerAnimation;
import org.flowexplorer.app.export.PngExport;
import org.flowexplorer.app.export.StepperOverlays;
import org.flowexplorer.app.export.SvgExport;
import org.flowexplorer.app.io.Failures;
import org.flowexplorer.app.task.TaskRunner;
import org.flowexplorer.app.export.ReplayAnimation;
import org.flowexplorer.app.scene.ReplayFrames;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The image exports of the window's views: "Save PNG…" (size dialog), "Save SVG…", "Copy image",
 * and for the layer stepper "Export layer animation (GIF)…" and "Export frames (PNG sequence)…",
 * which render in a background {@link Task} with a progress window and Cancel. Snapshots are taken
 * on the FX thread (JavaFX requires it); encoding and writing files always run on the
 * {@link TaskRunner}, so a slow disk never freezes the window. Every failure ends in one error
 * (a dialog with a plain message, never a stack trace) and every success in one status line, both
 * through {@link Notifications}. FX thread.
 */
public final class ExportActions {
    static final FileChooser.ExtensionFilter PNG = FileDialogs.filter("PNG image", "png");
    static final FileChooser.ExtensionFilter SVG = FileDialogs.filter("SVG vector image", "svg");
    static final FileChooser.ExtensionFilter GIF = FileDialogs.filter("Animated GIF", "gif");

    private final Supplier<Window> owner;
    private final Supplier<FileDialogs> files;
    private final Notifications notes;
    private final Supplier<float[][]> trace;
    private final IntFunction<StepperOverlays> overlays;
    private final TaskRunner tasks;
    private final Executor fx;
    private double lastScale = 2;
    private LayerAnimation.Options animationOptions = LayerAnimation.Options.defaults().withSize(600, 600, 1);
    private Task<?> running;

    /**
     * @param trace    the current layer trace, positions per layer (index 0 data … L latent), or null
     *                 while none is available
     * @param overlays for a trace of L layers, what the stepper draws besides its points (grid, query
     *                 path, axis titles), so the animation shows what the view shows
     * @param tasks runs the encoding and file writes
     * @param fx    runs the completion reports on the FX thread ({@code Platform::runLater}; tests
     *              with a same-thread runner may pass {@code Runnable::run})
     */
    public ExportActions(Supplier<Window> owner, Supplier<FileDialogs> files, Notifications notes,
            Supplier<float[][]> trace, IntFunction<StepperOverlays> overlays, TaskRunner tasks, Executor fx) {
        this.owner = owner;
        this.files = files;
        this.notes = notes;
        this.trace = trace;
        this.overlays = overlays;
        this.tasks = tasks;
        this.fx = fx;
    }

    /** The context menu for a view: image exports, plus the animation exports where they apply. */
    public ContextMenu contextMenu(ExportTarget t) {
        ContextMenu menu = new ContextMenu(menuItems(t).toArray(MenuItem[]::new));
        menu.setId("export-menu");
        return menu;
    }

    /** Installs {@link #contextMenu} on the view (right click / menu key) and returns the target. */
    public ExportTarget install(ExportTarget t) {
        ContextMenu menu = contextMenu(t);
        t.view().setOnContextMenuRequested(e -> {
            menu.show(t.view(), e.getScreenX(), e.getScreenY());
            e.consume();
        });
        return t;
    }

    List<MenuItem> menuItems(ExportTarget t) {
        List<MenuItem> items = new java.util.ArrayList<>(List.of(
                item("Save PNG…", "mdi2f-file-image-outline", "export-png", () -> savePng(t)),
                item("Save SVG…", "mdi2v-vector-square", "export-svg", () -> saveSvg(t)),
                item("Copy image", "mdi2c-content-copy", "export-copy", () -> copyImage(t))));
        if (t.animated()) {
            items.add(new SeparatorMenuItem());
            items.add(item("Export layer animation (GIF)…", "mdi2a-animation-play-outline", "export-gif",
                    () -> exportGif(t)));
            items.add(item("Export frames (PNG sequence)…", "mdi2f-filmstrip", "export-frames", () -> exportFrames(t)));
        }
        return items;
    }

    private static MenuItem item(String text, String icon, String id, Runnable action) {
        MenuItem m = new MenuItem(text, new FontIcon(icon));
        m.setId(id);
        m.setOnAction(e -> action.run());
        return m;
    }

    // ---------------------------------------------------------------- still images

    /** Asks for a size and a file, then writes the view as PNG. */
    public void savePng(ExportTarget t) {
        ask(t, lastScale, true, "PNG", PNG).ifPresent(r -> export(r,
                () -> PngExport.render(t.exportNode().get(), r.size().width(), r.size().height(), r.size().scale()),
                PngExport::write, () -> String.format(Locale.ROOT, "Saved %s (%d × %d px).", r.file().getFileName(),
                        Math.round(r.size().width() * r.size().scale()), Math.round(r.size().height() * r.size().scale())),
                "Could not save the PNG"));
    }

    /** Asks for a size and a file, then writes the view as SVG. */
    public void saveSvg(ExportTarget t) {
        ask(t, 1, false, "SVG", SVG).ifPresent(r -> export(r,
                () -> SvgExport.toSvg(t.exportNode().get(), r.size().width(), r.size().height()),
                SvgExport::writeString, () -> String.format(Locale.ROOT, "Saved %s (%d × %d).", r.file().getFileName(),
                        r.size().width(), r.size().height()), "Could not save the SVG"));
    }

    /** A still-image export the user asked for: the size and the file. */
    private record Request(ExportDialog.ImageSize size, Path file) {
    }

    /** Writes an encoded image to a file (on the task runner). */
    private interface FileWrite<T> {
        void write(T image, Path file) throws java.io.IOException;
    }

    /** The size dialog, then the file dialog; empty if either is cancelled. */
    private Optional<Request> ask(ExportTarget t, double scale, boolean withScale, String kind,
            FileChooser.ExtensionFilter filter) {
        Optional<ExportDialog.ImageSize> size = ExportDialog.askImageSize(owner.get(), t.title(), t.defaultWidth(),
                t.defaultHeight(), scale, withScale);
        if (size.isEmpty()) {
            return Optional.empty();
        }
        if (withScale) {
            lastScale = size.get().scale();
        }
        String ext = kind.toLowerCase(Locale.ROOT);
        Path file = files.get().save(owner.get(), "Save " + t.title() + " as " + kind, t.fileStem() + "." + ext,
                List.of(filter));
        return file == null ? Optional.empty() : Optional.of(new Request(size.get(), file));
    }

    /**
     * Renders on the FX thread (snapshots must be taken there), then encodes and writes on the task
     * runner, and reports {@code done} or the failure back on the FX thread.
     */
    private <T> void export(Request r, Supplier<T> render, FileWrite<T> write, Supplier<String> done, String failure) {
        T image;
        try {
            image = render.get();
        } catch (RuntimeException e) {
            showError(failure, r.file(), e);
            return;
        }
        tasks.submit(() -> {
            write.write(image, r.file());
            return null;
        }).whenComplete((v, e) -> fx.execute(() -> {
            if (e == null) {
                notes.info(done.get());
            } else {
                showError(failure, r.file(), e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        }));
    }

    /** Puts the view on the clipboard at its on-screen size, drawn at 2× for sharp pasting. */
    public void copyImage(ExportTarget t) {
        try {
            WritableImage img = PngExport.snapshot(t.exportNode().get(), t.defaultWidth(), t.defaultHeight(), 2);
            PngExport.copyToClipboard(img);
            notes.info(String.format(Locale.ROOT, "Copied the %s view to the clipboard (%d × %d px).",
                    t.title().toLowerCase(Locale.ROOT), (int) img.getWidth(), (int) img.getHeight()));
        } catch (RuntimeException e) {
            showError("Could not copy the image", null, e);
        }
    }

    // ---------------------------------------------------------------- animations

    /** Asks for frame options and a file, then writes the layer animation as a GIF in the background. */
    public Task<?> exportGif(ExportTarget t) {
        float[][] positions = currentTrace();
        if (positions == null) {
            return null;
        }
        int layers = positions.length - 1;
        Optional<LayerAnimation.Options> o = ExportDialog.askAnimation(owner.get(), "Export layer animation (GIF)",
                layers, animationOptions);
        if (o.isEmpty()) {
            return null;
        }
        animationOptions = o.get();
        Path file = files.get().save(owner.get(), "Save the layer animation as GIF", "layers.gif", List.of(GIF));
        if (file == null) {
            return null;
        }
        LayerAnimation anim = new LayerAnimation(positions, null, overlays.apply(positions.length - 1), o.get());
        return writeGif(anim, file, anim.pixelWidth(), anim.pixelHeight());
    }

    /** Writes {@code anim} to {@code file} on the task runner, with a progress window and Cancel. */
    Task<?> writeGif(AnimationFrames anim, Path file, int pixelWidth, int pixelHeight) {
        int frames = anim.frameCount();
        return start("Writing " + file.getFileName() + " (" + frames + " frames)…", new Task<Path>() {
            @Override
            protected Path call() throws Exception {
                AnimationExport.writeGif(anim, file, p -> updateProgress(p, 1), this::isCancelled);
                return file;
            }
        }, () -> String.format(Locale.ROOT, "Saved %s: %d frames of %d × %d px.", file.getFileName(), frames,
                pixelWidth, pixelHeight), file, "Could not save the GIF");
    }

    /** Asks for frame options and a directory, then writes numbered PNG frames in the background. */
    public Task<?> exportFrames(ExportTarget t) {
        float[][] positions = currentTrace();
        if (positions == null) {
            return null;
        }
        Optional<LayerAnimation.Options> o = ExportDialog.askAnimation(owner.get(), "Export frames (PNG sequence)",
                positions.length - 1, animationOptions);
        if (o.isEmpty()) {
            return null;
        }
        animationOptions = o.get();
        Path dir = files.get().directory(owner.get(), "Folder for the frames (frame_0000.png, …)");
        if (dir == null) {
            return null;
        }
        LayerAnimation anim = new LayerAnimation(positions, null, overlays.apply(positions.length - 1), o.get());
        int frames = anim.frameCount();
        return start("Writing " + frames + " PNG frames to " + dir.getFileName() + "…", new Task<List<Path>>() {
            @Override
            protected List<Path> call() throws Exception {
                return AnimationExport.writeFrames(anim, dir, "frame", p -> updateProgress(p, 1), this::isCancelled);
            }
        }, () -> String.format(Locale.ROOT, "Saved %d frames frame_0000.png … frame_%04d.png in %s.", frames,
                frames - 1, dir), dir, "Could not save the frames");
    }

    /**
     * Writes the training replay (density and latent per checkpoint, the step, the loss curve
     * growing) as a GIF ({@code gif}) or PNG frames, in the background with progress and Cancel.
     */
    public Task<?> exportReplay(ReplayFrames film, boolean gif) {
        if (running != null && running.isRunning()) {
            showError("An export is already running", null, new IllegalStateException("Wait for it to finish or cancel it first."));
            return null;
        }
        Path target = gif ? files.get().save(owner.get(), "Save the training replay as GIF", "replay.gif", List.of(GIF))
                : files.get().directory(owner.get(), "Folder for the replay frames (replay_0000.png, …)");
        if (target == null) {
            return null;
        }
        ReplayAnimation anim = new ReplayAnimation(film, ReplayAnimation.Options.defaults());
        int frames = anim.frameCount();
        return start("Writing the training replay (" + frames + " checkpoints) to " + target.getFileName() + "…",
                new Task<Object>() {
                    @Override
                    protected Object call() throws Exception {
                        if (gif) {
                            AnimationExport.writeGif(anim, target, p -> updateProgress(p, 1), this::isCancelled);
                            return target;
                        }
                        return AnimationExport.writeFrames(anim, target, "replay", p -> updateProgress(p, 1), this::isCancelled);
                    }
                }, () -> String.format(Locale.ROOT, "Saved the training replay: %d frames (steps %d … %d) in %s.", frames,
                        film.step(0), film.step(frames - 1), target.getFileName()), target, "Could not save the replay");
    }

    /** Cancels the animation export in progress, if any (the window is going); nothing is left behind. */
    public void cancelRunning() {
        Task<?> t = running;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** The export in progress, or null (tests). */
    Task<?> running() {
        return running;
    }

    private float[][] currentTrace() {
        float[][] positions = trace.get();
        if (positions == null || positions.length < 2 || positions[0].length == 0) {
            showError("Nothing to animate yet", null,
                    new IllegalStateException("The model has no layer trace yet; wait until it is ready."));
            return null;
        }
        if (running != null && running.isRunning()) {
            showError("An export is already running", null,
                    new IllegalStateException("Wait for it to finish or cancel it first."));
            return null;
        }
        return positions;
    }

    /** The save dialog for one file of this kind (compare mode's GIF). */
    Path askSaveFile(String title, String initialName, FileChooser.ExtensionFilter filter) {
        return files.get().save(owner.get(), title, initialName, List.of(filter));
    }

    private Task<?> start(String what, Task<?> task, Supplier<String> done, Path target, String failure) {
        Stage progress = progressWindow(what, task);
        task.stateProperty().addListener((obs, was, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                progress.close();
                notes.info(done.get());
            } else if (state == Worker.State.CANCELLED) {
                progress.close();
                notes.info("Export cancelled; nothing was written.");
            } else if (state == Worker.State.FAILED) {
                progress.close();
                if (task.getException() instanceof CancellationException) {
                    notes.info("Export cancelled; nothing was written.");
                } else {
                    showError(failure, target, task.getException());
                }
            }
        });
        running = task;
        progress.show();
        tasks.execute(task);
        return task;
    }

    private Stage progressWindow(String what, Task<?> task) {
        Label label = new Label(what);
        label.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(task.progressProperty());
        Button cancel = Controls.button("Cancel", "mdi2c-close", "Stop the export; no file is left behind.",
                () -> task.cancel(false));
        cancel.setId("export-cancel");
        cancel.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox box = new VBox(10, label, bar, new HBox(spacer, cancel));
        box.setPadding(new Insets(14));
        box.setPrefWidth(420);
        Stage stage = new Stage(StageStyle.UTILITY);
        Window w = owner.get();
        if (w != null) {
            stage.initOwner(w);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Exporting");
        stage.setScene(new Scene(box));
        stage.setOnCloseRequest(e -> task.cancel(false));
        return stage;
    }

    // ---------------------------------------------------------------- errors

    /** One error with a plain message; never a stack trace. A denied write gets the advice to pick another folder. */
    private void showError(String title, Path file, Throwable e) {
        String line = Failures.describe(e, file);
        if (Failures.unwrap(e) instanceof AccessDeniedException) {
            line += ". Choose a folder you can write to.";
        }
        notes.error(title, line);
    }
}
