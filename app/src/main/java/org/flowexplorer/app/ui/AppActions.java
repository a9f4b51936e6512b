package org.flowexplorer.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.flowexplorer.app.export.StepperOverlays;
import org.flowexplorer.app.preset.Preset;
import org.flowexplorer.app.task.TaskRunner;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.QueryPoint;
import org.flowexplorer.app.viewmodel.StepperFrame;
import org.flowexplorer.model.io.SessionFile;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;

/**
 * Everything the menus and the toolbar do, in one place: file dialogs around the view model's
 * session, model, import and CSV operations, presets, help. The menu bar and toolbar only build
 * controls that call these methods. FX thread.
 */
public final class AppActions {
    static final FileChooser.ExtensionFilter SESSION = FileDialogs.filter("Flow Explorer session", "session.zip");
    static final FileChooser.ExtensionFilter MODEL_ZIP = FileDialogs.filter("Flow Explorer model", "zip");
    static final FileChooser.ExtensionFilter MODEL_NPZ = FileDialogs.filter("PyTorch state dict as NumPy arrays", "npz");
    static final FileChooser.ExtensionFilter CSV = FileDialogs.filter("Comma-separated values", "csv");
    static final FileChooser.ExtensionFilter PYTHON = FileDialogs.filter("Python script (PyTorch)", "py");
    static final FileChooser.ExtensionFilter IMAGE = FileDialogs.filter("PNG or JPEG image", "png", "jpg", "jpeg");

    private final ExplorerViewModel vm;
    private final Supplier<Window> owner;
    private final ExportActions exports;
    private final Notifications notes;
    private final ReadOnlyObjectWrapper<Preset> appliedPreset = new ReadOnlyObjectWrapper<>(this, "appliedPreset");
    private FileDialogs files = FileDialogs.system();

    /**
     * @param trace positions per layer of the current trace, for the animation exports
     * @param tasks runs the export encoding and writes
     */
    public AppActions(ExplorerViewModel vm, Supplier<Window> owner, Supplier<float[][]> trace, Notifications notes,
            TaskRunner tasks) {
        this.vm = vm;
        this.owner = owner;
        this.notes = notes;
        this.exports = new ExportActions(owner, () -> files, notes, trace,
                layers -> stepperOverlays(vm.layers().stepperSource(), vm.plots().queryProperty().get(), layers), tasks,
                javafx.application.Platform::runLater);
        ConfirmDiscard.of(vm).setSaveFirst(this::saveSessionThen);
    }

    /**
     * The stepper's warped grid, query path and axis titles for an animation of {@code layers} layers;
     * a grid or path of another layer count (a model change under way) is left out.
     */
    static StepperOverlays stepperOverlays(StepperFrame.Source s, QueryPoint q, int layers) {
        boolean gridFits = s != null && s.grid() != null && s.grid().length == layers + 1;
        boolean queryFits = q != null && q.path() != null && q.path().length == 2 * (layers + 1);
        return new StepperOverlays(gridFits ? s.grid() : null, gridFits ? s.lines() : 0,
                gridFits ? s.perLine() : 0, queryFits ? q.path() : null,
                queryFits ? (q.placedInData() ? "x" : "z") : null, StepperOverlays.AXES.xTitle(),
                StepperOverlays.AXES.yTitle());
    }

    public ExportActions exports() {
        return exports;
    }

    /** Replaces the file choosers (tests answer with fixed paths). */
    public void setFileDialogs(FileDialogs dialogs) {
        files = Objects.requireNonNull(dialogs);
    }

    /** The file choosers in use (the lesson actions share them). */
    FileDialogs fileDialogs() {
        return files;
    }

    /** The last thing an action reported (shown in the status bar). */
    public ReadOnlyStringProperty messageProperty() {
        return notes.messageProperty();
    }

    void say(String text) {
        notes.info(text);
    }

    // ---------------------------------------------------------------- file

    /** Asks for a file to open and hands it to {@code action}; nothing when the dialog is cancelled. */
    private void whenOpened(String title, List<FileChooser.ExtensionFilter> filters, Consumer<Path> action) {
        Path p = files.open(owner.get(), title, filters);
        if (p != null) {
            action.accept(p);
        }
    }

    /** Asks where to save (suggesting {@code name}) and hands the path to {@code action}, unless cancelled. */
    private void whenSaved(String title, String name, List<FileChooser.ExtensionFilter> filters, Consumer<Path> action) {
        Path p = files.save(owner.get(), title, name, filters);
        if (p != null) {
            action.accept(p);
        }
    }

    public void openSession() {
        whenOpened("Open session", List.of(SESSION), this::openSession);
    }

    public void openSession(Path p) {
        replacing("Opening the session " + p.getFileName(), () -> vm.files().openSession(p));
    }

    public void saveSession() {
        saveSessionThen(() -> { });
    }

    /** Save session…, then {@code next} once the file is written (not when cancelled or failed). */
    private void saveSessionThen(Runnable next) {
        whenSaved("Save session", "flow-explorer" + SessionFile.EXTENSION, List.of(SESSION),
                p -> vm.files().saveSession(p).thenRun(next));
    }

    /** Runs {@code action}, which replaces the model, after asking if that loses unsaved training steps. */
    private void replacing(String what, Runnable action) {
        ConfirmDiscard.of(vm).replacing(owner.get(), what, action);
    }

    public void openModel() {
        whenOpened("Open model", List.of(MODEL_ZIP, MODEL_NPZ), this::openModel);
    }

    public void openModel(Path p) {
        replacing("Opening the model " + p.getFileName(), () -> vm.files().openModel(p));
    }

    public void exportModel() {
        whenSaved("Export model", "model.zip", List.of(MODEL_ZIP, MODEL_NPZ), vm.files()::exportModel);
    }

    public void exportTorchScript() {
        whenSaved("Export as PyTorch script", "model.py", List.of(PYTHON), vm.files()::exportTorchScript);
    }

    public void importPoints() {
        whenOpened("Import points (CSV with columns x,y)", List.of(CSV), this::importPoints);
    }

    public void importPoints(Path p) {
        replacing("Importing the points of " + p.getFileName(), () -> vm.files().importPoints(p));
    }

    /** File ▸ Open image as density: bright pixels dense ({@code invert} false) or dark ones. */
    public void openImageDensity(boolean invert) {
        whenOpened("Open image as density (PNG or JPEG)", List.of(IMAGE), p -> replacing(
                "Opening the image " + p.getFileName() + " as density", () -> vm.files().openImageDensity(p, invert)));
    }

    public void exportPoints() {
        whenSaved("Export the training points", "points.csv", List.of(CSV), vm.files()::exportPoints);
    }

    public void exportSamples() {
        whenSaved("Export the model samples", "samples.csv", List.of(CSV), vm.files()::exportSamples);
    }

    public void exportTrace() {
        whenSaved("Export the layer trace (every point after every layer)", "trace.csv", List.of(CSV),
                vm.files()::exportTrace);
    }

    public void exportLossHistory() {
        whenSaved("Export the loss history", "loss.csv", List.of(CSV), vm.files()::exportLossHistory);
    }

    /** Opens a recent file by its kind: session, model or CSV points. */
    public void openRecent(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(SessionFile.EXTENSION)) {
            openSession(p);
        } else if (name.endsWith(".csv")) {
            importPoints(p);
        } else {
            openModel(p);
        }
    }

    /** Closes the window; the application stops its worker when the window is hidden. */
    public void quit() {
        Window w = owner.get();
        if (w != null) {
            w.hide();
        }
    }

    // ---------------------------------------------------------------- presets

    /**
     * Applies a preset through the view model (one model reset; it asks for the preset's view, which
     * the window brings forward) and says in the status bar what it changed.
     */
    public void applyPreset(Preset p) {
        String changes = describeChanges(p);
        if (!ConfirmDiscard.of(vm).run(owner.get(), "The preset \u201c" + p.name() + "\u201d", () -> vm.applyPreset(p))) {
            return;
        }
        say("Preset \u201c" + p.name() + "\u201d: " + changes + " Train about " + p.suggestedSteps()
                + " steps to see the effect.");
        appliedPreset.set(null);
        appliedPreset.set(p); // set again when the same preset is applied again
    }

    /** The preset last applied (null before any), e.g. for its {@link Preset#watchFor} banner. */
    public ReadOnlyObjectProperty<Preset> appliedPresetProperty() {
        return appliedPreset.getReadOnlyProperty();
    }

    /** What {@link #describeChanges} says when the form already holds a preset's settings. */
    static final String UNCHANGED = "settings unchanged.";

    /** "layers 8 → 2, data set moons → 2spirals." or "settings unchanged." */
    String describeChanges(Preset p) {
        List<String> c = new ArrayList<>();
        diff(c, "data set", vm.form().datasetProperty().get() == null ? "" : vm.form().datasetProperty().get().id(), p.dataName());
        diffNumber(c, "points", vm.form().text(Field.POINTS).get(), p.n());
        diffNumber(c, "noise", vm.form().text(Field.NOISE).get(), p.noise());
        diffNumber(c, "data seed", vm.form().text(Field.DATA_SEED).get(), p.dataSeed());
        diffNumber(c, "layers", vm.form().text(Field.LAYERS).get(), p.architecture().layers());
        String hidden = Arrays.stream(p.architecture().hidden()).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        diff(c, "hidden", normaliseList(vm.form().text(Field.HIDDEN).get()), hidden);
        diff(c, "coupling", vm.form().couplingProperty().get() == null ? ""
                : vm.form().couplingProperty().get().name().toLowerCase(Locale.ROOT),
                p.architecture().coupling().name().toLowerCase(Locale.ROOT));
        diffNumber(c, "learning rate", vm.form().text(Field.LEARNING_RATE).get(), p.training().learningRate());
        diffNumber(c, "batch size", vm.form().text(Field.BATCH_SIZE).get(), p.training().batchSize());
        return c.isEmpty() ? UNCHANGED : String.join(", ", c) + ".";
    }

    private static String normaliseList(String s) {
        return s == null ? "" : s.replaceAll("[\\s×x]+", ",").replaceAll(",+", ",").replaceAll("^,|,$", "");
    }

    private static void diff(List<String> out, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(what + " " + (before == null || before.isEmpty() ? "–" : before) + " → " + after);
        }
    }

    private static void diffNumber(List<String> out, String what, String before, double after) {
        double b;
        try {
            b = Double.parseDouble(before == null ? "" : before.strip());
        } catch (NumberFormatException e) {
            b = Double.NaN;
        }
        if (b != after) {
            out.add(what + " " + (before == null || before.isBlank() ? "–" : before.strip()) + " → " + number(after));
        }
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Math.abs(v) < 1e-2 ? String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-") : Double.toString(v);
    }

    // ---------------------------------------------------------------- help

    /** The application version: the jar manifest's, or the development version when run from classes. */
    static String version() {
        String v = AppActions.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    public void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        init(a);
        a.setTitle("About Flow Explorer");
        a.setHeaderText("Flow Explorer " + version());
        a.setContentText("A workbench that trains RealNVP normalizing flows on 2-D data and shows every coupling "
                + "layer: data space, latent space, the layer stepper, masks, loss and samples.\n\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version", "?")
                + ".");
        a.getDialogPane().setId("about-dialog");
        a.show();
    }

    static final String HOW_TO_READ = String.join("\n\n",
            "Left: the data set, the model (coupling layers, hidden widths, affine or additive coupling) and training. "
                    + "Press Play to train; the loss chart below falls as the model learns.",
            "Top row, left to right: the training points x in data space; the same points after the whole flow, "
                    + "z = f(x), in latent space, where they should look like a round standard normal (dashed circles "
                    + "at 1, 2 and 3 σ); and the layer stepper, which shows the points after each coupling layer — drag "
                    + "its scrubber from layer 0 (data) to layer L (latent).",
            "Every point keeps its colour in all views, so you can follow it through the layers. Drag in the data or "
                    + "latent plot to place a point and see its path.",
            "Bottom: the loss (negative log-likelihood, lower is better), the masks (blue coordinates pass through a "
                    + "layer, orange ones are scaled and shifted; click a row to jump there) and Sample & invert, which "
                    + "draws z from N(0, I) and maps it back with x = f⁻¹(z).",
            "The explanation strip at the bottom explains whatever view you last pointed at. Right-click any plot to "
                    + "save it as PNG or SVG, or copy it; right-click the stepper to export the layer animation. The "
                    + "tabs at the top hold a worked 3×3 example and a gallery of image masks.");

    public void howToRead() {
        Dialog<Void> d = new Dialog<>();
        init(d);
        d.setTitle("How to read this window");
        d.setHeaderText("How to read this window");
        Label text = new Label(HOW_TO_READ);
        text.setWrapText(true);
        text.setMaxWidth(560);
        ScrollPane scroll = new ScrollPane(new VBox(text));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(360);
        scroll.setPrefViewportWidth(580);
        scroll.setPadding(new Insets(4));
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        d.getDialogPane().setId("how-to-read-dialog");
        d.show();
    }

    private void init(Dialog<?> d) {
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
        }
    }
}
