package org.flowexplorer.app.ui;

import static org.flowexplorer.app.ui.Controls.button;
import static org.flowexplorer.app.ui.Controls.caption;
import static org.flowexplorer.app.ui.Controls.errorLabel;
import static org.flowexplorer.app.ui.Controls.header;
import static org.flowexplorer.app.ui.Controls.labelled;
import static org.flowexplorer.app.ui.Controls.tip;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.flowexplorer.app.viewmodel.DrawMode;
import org.flowexplorer.app.viewmodel.ExplorerViewModel;
import org.flowexplorer.app.viewmodel.FormLimits;
import org.flowexplorer.app.viewmodel.PlotsViewModel;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Field;
import org.flowexplorer.app.viewmodel.SettingsFormViewModel.Section;
import org.flowexplorer.app.viewmodel.SketchViewModel;
import org.flowexplorer.app.viewmodel.TrainingControlsViewModel;
import org.flowexplorer.model.data.ToyDataset;
import org.flowexplorer.model.flow.CouplingType;
import org.flowexplorer.model.flow.BaseDistribution;
import org.flowexplorer.model.flow.Mixer;
import org.flowexplorer.model.flow.Norm;
import org.kordamp.ikonli.javafx.FontIcon;

/** The left column: data set, model and training controls, bound to the view model's parts. */
public final class ControlPanel extends VBox {
    /** The column's narrowest width (a 1024 px projector) and widest (more only wastes the plots' room). */
    static final double MIN_WIDTH = 268;
    static final double MAX_WIDTH = 330;
    private final ToggleButton playButton = new ToggleButton();

    public ControlPanel(ExplorerViewModel explorer) {
        SettingsFormViewModel form = explorer.form();
        TrainingControlsViewModel training = explorer.training();
        SketchViewModel sketch = explorer.sketch();
        PlotsViewModel plots = explorer.plots();
        ConfirmDiscard discard = ConfirmDiscard.of(explorer); // asks before a trained model is thrown away
        getStyleClass().add("control-panel");
        setSpacing(8);
        setPadding(new Insets(12));
        setPrefWidth(MIN_WIDTH + 12);
        setMinWidth(MIN_WIDTH);

        // ---------------------------------------------------------------- data
        ComboBox<ToyDataset> set = Controls.choice("dataset", ToyDataset.values(), form.datasetProperty(), ToyDataset::id,
                ToyDataset::fromId, "Which 2-D toy distribution to learn; picking one draws its points and restarts the model, as Regenerate does.");
        Label description = caption("");
        javafx.beans.property.StringProperty energyText = form.text(Field.ENERGY);
        description.setId("dataset-description");
        description.textProperty().bind(Bindings.createStringBinding(() -> {
            String u = energyText.get() == null ? "" : energyText.get().trim();
            if (!u.isEmpty()) { // energy mode: the set only gives the plot its comparison points, not what is fitted
                return "Reverse KL to exp(−U), U = " + u + " (Regenerate applies it): the points shown are a sample of that target, the set above is not fitted.";
            }
            if (!form.customSourceProperty().get().isEmpty()) { // own points: the fields describe Regenerate's set, not them
                return "Training on your own data: " + form.customSourceProperty().get()
                        + ". Regenerate trains on the set above instead.";
            }
            return form.datasetProperty().get() == null ? "" : form.datasetProperty().get().description();
        }, form.datasetProperty(), energyText, form.customSourceProperty()));
        TextField points = field("points", form.text(Field.POINTS),
                "Number of training points to draw (" + FormLimits.MIN_POINTS + " to " + FormLimits.grouped(FormLimits.MAX_POINTS)
                        + "); up to 10 000 of them are drawn in the plots.");
        TextField noise = field("noise", form.text(Field.NOISE),
                "The data set's noise knob (0 = noiseless where meaningful); see the description below the set.");
        TextField seed = field("data-seed", form.text(Field.DATA_SEED),
                "Random seed of the data generator: the same seed always gives the same points.");
        Button regenerate = button("Regenerate", "mdi2d-dice-multiple",
                "Draw new data with these settings; this restarts training with a fresh model.",
                discard.guard(this, "New data", form::applyDataset));
        regenerate.setId("regenerate");
        regenerate.disableProperty().bind(form.reverseKlConflictProperty().isNotEmpty());
        ComboBox<String> energy = editableCombo("energy", form.text(Field.ENERGY),
                "Fit exp(-U) by reverse KL instead of the data set: U1..U4 (Rezende & Mohamed 2015) or a formula in x1, x2; "
                        + "blank = maximum likelihood. Regenerate applies it.", "", "U1", "U2", "U3", "U4");
        for (TextField f : new TextField[] {points, noise, seed}) {
            f.setOnAction(e -> discard.run(this, "New data", form::applyDataset));
        }

        // ---------------------------------------------------------------- model
        TextField layers = field("layers", form.text(Field.LAYERS),
                "Number of coupling layers L (1 to " + FormLimits.MAX_LAYERS
                        + "); masks alternate between the two coordinates.");
        TextField hidden = field("hidden", form.text(Field.HIDDEN),
                "Widths of the conditioner network's hidden layers, comma separated, e.g. 64,64.");
        ComboBox<CouplingType> coupling = Controls.choice("coupling", CouplingType.values(), form.couplingProperty(),
                c -> c.name().toLowerCase(Locale.ROOT), s -> CouplingType.valueOf(s.toUpperCase(Locale.ROOT)),
                "Affine couplings scale and shift; additive couplings only shift (volume preserving); spline couplings bend each "
                        + "coordinate with a monotone rational-quadratic spline (K bins on [−B, B], identity outside; K and B below).");
        TextField bins = field("spline-bins", form.text(Field.BINS), SettingsTips.BINS);
        TextField tailBound = field("tail-bound", form.text(Field.TAIL_BOUND), SettingsTips.TAIL_BOUND);
        Node binsRow = labelled("Bins K", bins);
        Node boundRow = labelled("Tail bound B", tailBound);
        for (Node row : new Node[] {binsRow, boundRow}) { // a spline's shape: shown for spline couplings only
            row.visibleProperty().bind(form.splineShownProperty());
            row.managedProperty().bind(row.visibleProperty());
        }
        // reverse KL cannot train blocks between couplings or a mixture base: flagged here, before Apply or Play
        Label conflict = errorLabel(form.reverseKlConflictProperty(), "reverse-kl-conflict");
        tip(conflict, "Reverse KL (the U field above) trains by pushing N(0, I) draws backwards through the couplings: "
                + "it has no way through a norm or mixer between them, nor a base other than N(0, I). Apply and "
                + "Regenerate wait until the choices fit.");
        ComboBox<String> scale = editableCombo("scale", form.text(Field.SCALE),
                "How an affine coupling turns its raw scale output into the log-scale s (the scale is exp(s)): "
                        + "tanh:B bounds |s| < B (tanh:2 is the seed's s = 2·tanh(raw)); softplus makes the scale "
                        + "softplus(raw), smooth and positive; exp leaves s = raw unbounded (fast, can diverge). "
                        + "Type tanh:B for another bound. Additive couplings have no scale.",
                "tanh:2", "tanh:1", "tanh:3", "softplus", "exp");
        ComboBox<Norm> norm = Controls.choice("norm", Norm.values(), form.normProperty(), ControlPanel::label,
                s -> java.util.Arrays.stream(Norm.values()).filter(n -> label(n).equals(s)).findFirst().orElse(Norm.NONE),
                "What follows every coupling. Batch norm (RealNVP): each coordinate normalised with the batch's mean and "
                        + "variance while training (running averages otherwise), then scaled by learned exp(log γ) and shifted "
                        + "by β; steadies deep flows. ActNorm (Glow): a learned scale and shift per coordinate, set from the "
                        + "first training batch so its outputs start at mean 0, variance 1, then trained like any weight. "
                        + "Both add Σ log-scale to log|det J|.");
        ComboBox<Mixer> mixer = Controls.choice("mixer", Mixer.values(), form.mixerProperty(), ControlPanel::label,
                s -> java.util.Arrays.stream(Mixer.values()).filter(m -> label(m).equals(s)).findFirst().orElse(Mixer.NONE),
                "A linear map after every coupling (and its norm), so the next coupling splits along other directions "
                        + "than x₁ and x₂. LU linear (Glow's 1×1 convolution): a learned 2×2 matrix W = P·L·U that starts as "
                        + "the identity, log|det J| = Σ log|u_ii|. Rotation: a fixed random rotation, learns nothing, "
                        + "log|det J| = 0.");
        BaseDistribution[] bases = {BaseDistribution.GAUSSIAN, BaseDistribution.mixture(2), BaseDistribution.mixture(4),
                BaseDistribution.mixture(8)};
        ComboBox<BaseDistribution> base = Controls.choice("base", bases, form.baseProperty(), ControlPanel::baseName,
                s -> java.util.Arrays.stream(bases).filter(b -> baseName(b).equals(s)).findFirst().orElse(BaseDistribution.GAUSSIAN),
                "The distribution the flow maps the data onto. N(0, I): the seed's standard normal, one connected blob, so "
                        + "separate data modes stay joined by thin filaments of density. Mixture of K: K Gaussians whose "
                        + "weights, means and scales are learned with the flow, log p(z) = log Σ_k w_k N(z; μ_k, σ_k²).");
        Button applyModel = button("Apply & reset", "mdi2c-check",
                "Build a new model with this architecture; training restarts from step 0.",
                discard.guard(this, "A new architecture", form::applyArchitecture));
        applyModel.setId("apply-model");
        applyModel.disableProperty().bind(form.reverseKlConflictProperty().isNotEmpty());
        Button reference = button("256×256", null,
                "One click: the reference model, 8 affine layers with hidden 256,256 (slower, more expressive); resets.",
                discard.guard(this, "The reference architecture", form::useReferenceArchitecture));
        reference.setId("reference-model");
        layers.setOnAction(e -> discard.run(this, "A new architecture", form::applyArchitecture));
        bins.setOnAction(e -> discard.run(this, "A new architecture", form::applyArchitecture));
        tailBound.setOnAction(e -> discard.run(this, "A new architecture", form::applyArchitecture));
        hidden.setOnAction(e -> discard.run(this, "A new architecture", form::applyArchitecture));

        // ---------------------------------------------------------------- training
        ComboBox<String> lr = editableCombo("learning-rate", form.text(Field.LEARNING_RATE),
                "Adam learning rate; a change applies from the next step, without a reset.",
                "1e-4", "3e-4", "1e-3", "3e-3", "5e-3", "1e-2", "3e-2");
        lr.valueProperty().addListener((o, was, now) -> form.applyLearningRate());
        ComboBox<String> batch = editableCombo("batch-size", form.text(Field.BATCH_SIZE),
                "Minibatch size; a change applies from the next step, without a reset.",
                "32", "64", "128", "256", "512", "1024");
        batch.valueProperty().addListener((o, was, now) -> form.applyBatchSize());

        playButton.setId("play");
        tip(playButton, "Start or pause training (the plots update live while it runs). Key: Space.");
        playButton.getStyleClass().add("accent");
        playButton.selectedProperty().addListener((o, was, now) -> {
            if (now != training.playingProperty().get()) {
                if (now) {
                    training.play();
                } else {
                    training.pause();
                }
            }
        });
        training.playingProperty().addListener((o, was, now) -> syncPlay(now));
        syncPlay(training.playingProperty().get());
        playButton.disableProperty().bind(training.readyProperty().not());
        Button step = button("Step", "mdi2s-step-forward", "Run exactly one training step (pauses training).",
                training::stepOnce);
        step.setId("step");
        step.disableProperty().bind(training.readyProperty().not());
        Button reset = button("Reset", "mdi2r-restart",
                "Re-initialise the model's weights and the optimiser; the loss history restarts.",
                discard.guard(this, "Reset", training::reset));
        reset.setId("reset");
        reset.disableProperty().bind(training.readyProperty().not());
        HBox transport = new HBox(6, playButton, step, reset);
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {playButton, step, reset}) {
            b.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        playButton.setPrefWidth(92);

        Readout stepValue = stat("step-counter", Bindings.createStringBinding(
                () -> Long.toString(training.stepProperty().get()), training.stepProperty()));
        Readout rate = stat("steps-per-second", Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.0f", training.stepsPerSecondProperty().get()),
                training.stepsPerSecondProperty()));
        Readout train = stat("train-nll", Bindings.createStringBinding(
                () -> Controls.nats(training.trainNllProperty().get()), training.trainNllProperty()));
        Readout test = stat("test-nll", Bindings.createStringBinding(
                () -> Controls.nats(training.testNllProperty().get()), training.testNllProperty()));
        GridPane stats = new GridPane();
        stats.setHgap(10);
        stats.setVgap(2);
        stats.addRow(0, fixed("Step"), stepValue, fixed("Steps/s"), rate);
        stats.addRow(1, fixed("Train NLL"), train, fixed("Test NLL"), test);

        CheckBox density = tip(new CheckBox("Show density p(x) in data space"),
                "Colour the data plot by the model's density (recomputed a few times per second while training).");
        density.setId("density");
        density.selectedProperty().bindBidirectional(plots.densityVisibleProperty());

        // ---------------------------------------------------------------- your own data
        javafx.scene.control.ToggleGroup modes = new javafx.scene.control.ToggleGroup();
        HBox modeBox = new HBox(0);
        for (DrawMode m : DrawMode.values()) {
            ToggleButton b = tip(new ToggleButton(switch (m) {
                case OFF -> "Query";
                case DRAW -> "Draw";
                case ERASE -> "Erase";
            }), switch (m) {
                case OFF -> "Pressing in data space places the query point x (drawing is off).";
                case DRAW -> "Press and drag in data space to spray points; on release the model trains on your points.";
                case ERASE -> "Press and drag in data space to erase points; on release the model trains on what is left.";
            });
            b.setId("draw-mode-" + m.name().toLowerCase(Locale.ROOT));
            b.setUserData(m);
            b.setToggleGroup(modes);
            b.getStyleClass().add(m == DrawMode.OFF ? "left-pill" : m == DrawMode.ERASE ? "right-pill" : "center-pill");
            b.setSelected(sketch.drawModeProperty().get() == m);
            modeBox.getChildren().add(b);
        }
        modes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                DrawMode m = (DrawMode) now.getUserData();
                if (m == DrawMode.OFF || sketch.drawModeProperty().get() != DrawMode.OFF
                        || discard.run(this, "Drawing your own data", () -> { })) {
                    sketch.drawModeProperty().set(m);
                } else {
                    javafx.application.Platform.runLater(() -> was.setSelected(true)); // not inside this change
                }
            }
        });
        sketch.drawModeProperty().addListener((o, was, now) -> modes.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        javafx.scene.control.Slider spread = tip(new javafx.scene.control.Slider(0, 0.5, sketch.brushSpreadProperty().get()),
                "Brush spread: standard deviation of the sprayed points (data units); also sets the eraser size.");
        spread.setId("brush-spread");
        spread.valueProperty().bindBidirectional(sketch.brushSpreadProperty());
        Button undo = button("Undo", "mdi2u-undo", "Undo the last stroke (the model retrains on the result).",
                sketch::undoSketch);
        undo.setId("draw-undo");
        undo.disableProperty().bind(sketch.canUndoProperty().not());
        Button redo = button("Redo", "mdi2r-redo", "Redo the undone stroke.", sketch::redoSketch);
        redo.setId("draw-redo");
        redo.disableProperty().bind(sketch.canRedoProperty().not());
        Button clear = button("Clear", "mdi2d-delete-outline", "Remove every point to draw from scratch (undoable).",
                sketch::clearSketch);
        clear.setId("draw-clear");

        getChildren().addAll(
                header("Data"), labelled("Data set", set), description, labelled("Points", points),
                labelled("Noise", noise), labelled("Seed", seed), labelled("Reverse-KL U", energy), regenerate,
                errorLabel(form.error(Section.DATASET), "dataset-error"),
                new Separator(),
                header("Model"), labelled("Layers", layers), labelled("Hidden", hidden),
                labelled("Coupling", coupling), binsRow, boundRow, labelled("Scale", scale),
                labelled("Norm", norm), labelled("Mixer", mixer), labelled("Base", base), conflict, new HBox(6, applyModel, reference),
                caption("Changing the architecture re-initialises the model."),
                errorLabel(form.error(Section.ARCHITECTURE), "architecture-error"),
                new Separator(),
                header("Training"), labelled("Learning rate", lr),
                errorLabel(form.error(Section.LEARNING_RATE), "learning-rate-error"),
                labelled("Batch size", batch), errorLabel(form.error(Section.BATCH_SIZE), "batch-size-error"),
                transport, stats,
                new Separator(),
                header("View"), density,
                new Separator(),
                header("Your own data"), modeBox, labelled("Spread", spread), new HBox(6, undo, redo, clear),
                caption("Draw in data space, import a CSV (or drop one on the window). New data reset the model."));
    }

    private void syncPlay(boolean playing) {
        playButton.setSelected(playing);
        playButton.setText(playing ? "Pause" : "Play");
        playButton.setGraphic(new FontIcon(playing ? "mdi2p-pause" : "mdi2p-play"));
    }

    private static TextField field(String id, javafx.beans.property.StringProperty text, String tooltip) {
        TextField f = tip(new TextField(), tooltip);
        f.setId(id);
        f.textProperty().bindBidirectional(text);
        f.setPrefColumnCount(8);
        return f;
    }

    private static ComboBox<String> editableCombo(String id, javafx.beans.property.StringProperty text,
            String tooltip, String... items) {
        ComboBox<String> c = tip(ListOnFirstShowSkin.install(new ComboBox<>(FXCollections.observableArrayList(items))), tooltip);
        c.setId(id);
        c.setEditable(true);
        c.setValue(text.get());
        c.valueProperty().addListener((o, was, now) -> text.set(now));
        text.addListener((o, was, now) -> {
            if (now != null && !now.equals(c.getValue())) {
                c.setValue(now);
            }
        });
        return c;
    }

    /** How the form names a norm or a mixer. */
    private static final java.util.Map<Enum<?>, String> LABELS = java.util.Map.of(Norm.NONE, "none", Norm.BATCH, "batch norm",
            Norm.ACT, "ActNorm", Mixer.NONE, "none", Mixer.LU, "LU linear", Mixer.ROTATION, "rotation");

    private static String label(Enum<?> e) {
        return LABELS.get(e);
    }

    private static String baseName(BaseDistribution b) {
        return b.isGaussian() ? "N(0, I)" : "mixture of " + b.components();
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    /** A number that changes with every snapshot: a {@link Readout}, so it does not re-lay out the window. */
    private static Readout stat(String id, javafx.beans.binding.StringBinding value) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("text-bold");
        l.setMinWidth(52);
        PacedText.follow(l.textProperty(), value); // changes with every snapshot
        return new Readout(l);
    }
}
